import { Injectable } from '@nestjs/common';
import { CommandRequest, GetSpecimenInput, SpecimenView } from '@labflow/contracts';
import { authenticatedInput } from '@labflow/platform/service';
import { SPECIMEN_ERRORS, SpecimenException } from './specimen.exception';
import { SpecimenRepository, toSpecimenView } from './specimen.repository';

/** GET /api/patients/:patientId/specimens/:id — the specimen as stored (received time included). */
@Injectable()
export class GetSpecimenUseCase {
  constructor(private readonly specimens: SpecimenRepository) {}

  async execute(request: CommandRequest): Promise<SpecimenView> {
    const { principal, input } = authenticatedInput(GetSpecimenInput, request);
    const specimen = await this.specimens.find(principal.labId, input.patientId, input.id);
    if (!specimen) throw new SpecimenException(SPECIMEN_ERRORS.notFound);
    return toSpecimenView(specimen);
  }
}
