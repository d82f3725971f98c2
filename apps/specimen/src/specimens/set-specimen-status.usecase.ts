import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandRequest, SetSpecimenStatusInput, SpecimenView } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { SPECIMEN_ERRORS, SpecimenException } from './specimen.exception';
import { SpecimenRepository, toSpecimenView } from './specimen.repository';

const CONSUMER = 'specimen.set_status';

/**
 * The lab marks a specimen unavailable, unsatisfactory (e.g. haemolysed) or entered in error, or
 * makes it available again; only an available specimen can be received (seed 003 409).
 */
@Injectable()
export class SetSpecimenStatusUseCase {
  constructor(private readonly dataSource: DataSource, private readonly specimens: SpecimenRepository, private readonly inbox: PgInbox) {}

  async execute(request: CommandRequest, ctx: KafkaMessageContext): Promise<SpecimenView> {
    const { principal, input } = authenticatedInput(SetSpecimenStatusInput, request);
    return this.dataSource.transaction(async (manager) => {
      const specimen = await this.specimens.find(principal.labId, input.patientId, input.id, manager, true);
      if (!specimen) throw new SpecimenException(SPECIMEN_ERRORS.notFound);
      if (!(await this.inbox.claim(manager, CONSUMER, ctx.envelope.id))) return toSpecimenView(specimen);
      if (specimen.status === input.status) return toSpecimenView(specimen);
      return toSpecimenView(await this.specimens.setStatus(manager, principal.labId, specimen.id, input.status, principal.sub));
    });
  }
}
