import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CommandRequest, JobAccepted, SetReceivedTimeInput } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { JobRepository } from '../jobs/job.repository';
import { PartyAccessGuard } from '../parties/party-access.guard';
import { receivedTimeRefusal } from './received-time.rules';
import { SPECIMEN_ERRORS, SpecimenException } from './specimen.exception';
import { SpecimenRepository } from './specimen.repository';

const CONSUMER = 'specimen.set_received_time';

/**
 * seed 003 PATCH …/specimens/:id/actions/: checks the request in the spec's order and, when valid,
 * creates a durable job (answered with its id). The job worker sets the time; the checks here are
 * repeated there by a conditional UPDATE, so a concurrent request cannot set it twice.
 */
@Injectable()
export class SetReceivedTimeUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly specimens: SpecimenRepository,
    private readonly jobs: JobRepository,
    private readonly access: PartyAccessGuard,
    private readonly inbox: PgInbox,
  ) {}

  async execute(request: CommandRequest, ctx: KafkaMessageContext): Promise<JobAccepted> {
    const { principal, input } = authenticatedInput(SetReceivedTimeInput, request);
    // A redelivered command answers with the job it already created, whatever happened since.
    const earlier = await this.inbox.storedResponse(this.dataSource.manager, CONSUMER, ctx.envelope.id);
    if (earlier) return earlier as JobAccepted;

    await this.access.assertPartyMayAct(principal);
    const specimen = await this.specimens.find(principal.labId, input.patientId, input.id);
    if (!specimen) throw new SpecimenException(SPECIMEN_ERRORS.notFound);
    await this.access.assertLegalEntityActive(principal);
    const receivedTime = new Date(input.received_time);
    const refusal = receivedTimeRefusal(specimen, receivedTime, new Date());
    if (refusal) throw new SpecimenException(refusal);

    return this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, ctx.envelope.id))) {
        return (await this.inbox.storedResponse(manager, CONSUMER, ctx.envelope.id)) as JobAccepted;
      }
      const job = await this.jobs.create(manager, {
        id: randomUUID(), labId: principal.labId, specimenId: specimen.id, patientId: specimen.patient_id, receivedTime,
        requestedBy: principal.sub, correlationId: ctx.envelope.correlationId, causationId: ctx.envelope.id,
      });
      const accepted: JobAccepted = { id: job.id, status: job.status, links: [{ entity: 'job', href: `/api/jobs/${job.id}` }] };
      await this.inbox.saveResponse(manager, CONSUMER, ctx.envelope.id, accepted);
      return accepted;
    });
  }
}
