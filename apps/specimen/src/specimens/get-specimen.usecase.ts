import { Injectable } from '@nestjs/common';
import { GetSpecimenInput, SPECIMEN_COMMANDS, SpecimenView } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { SpecimenUnitOfWork } from '../specimen-unit-of-work';
import { specimenError } from './specimen.errors';
import { toSpecimenView } from './specimen.repository';

/** GET /api/patients/:patientId/specimens/:id — the specimen as stored (received time included). */
@Injectable()
@HandlesQuery(SPECIMEN_COMMANDS.getSpecimen, GetSpecimenInput)
export class GetSpecimenUseCase {
  async execute(command: Command<GetSpecimenInput>, unit: SpecimenUnitOfWork): Promise<SpecimenView> {
    const specimen = await unit.specimens.find(command.labId, command.input.patientId, command.input.id);
    if (!specimen) throw specimenError('NOT_FOUND');
    return toSpecimenView(specimen);
  }
}
