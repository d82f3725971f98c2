import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { JobAccepted, SetReceivedTimeInput, SPECIMEN_COMMANDS } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { PartyAccessGuard } from '../parties/party-access.guard';
import { SpecimenUnitOfWork } from '../specimen-unit-of-work';
import { receivedTimeRefusal } from './received-time.rules';
import { specimenError } from './specimen.errors';

/**
 * seed 003 PATCH …/specimens/:id/actions/: checks the request in the spec's order and, when valid,
 * creates a durable job (answered with its id; a repeated command answers the same job, whatever
 * happened since). The job worker sets the time; the checks here are repeated there by a
 * conditional UPDATE, so a concurrent request cannot set it twice. seed 003's success row is 200.
 */
@Injectable()
@HandlesCommand(SPECIMEN_COMMANDS.setReceivedTime, SetReceivedTimeInput)
export class SetReceivedTimeUseCase {
  constructor(private readonly access: PartyAccessGuard) {}

  async execute(command: Command<SetReceivedTimeInput>, unit: SpecimenUnitOfWork): Promise<JobAccepted> {
    const { labId, principal, input } = command;
    await this.access.assertPartyMayAct(unit, principal);
    const specimen = await unit.specimens.find(labId, input.patientId, input.id);
    if (!specimen) throw specimenError('NOT_FOUND');
    await this.access.assertLegalEntityActive(unit, principal);
    const receivedTime = new Date(input.received_time);
    const refusal = receivedTimeRefusal(specimen, receivedTime, new Date());
    if (refusal) throw specimenError(refusal);
    const job = await unit.jobs.create({
      id: randomUUID(), labId, specimenId: specimen.id, patientId: specimen.patient_id, receivedTime,
      requestedBy: principal.sub, correlationId: command.cause.correlationId, causationId: command.cause.causationId,
    });
    return { id: job.id, status: job.status, links: [{ entity: 'job', href: `/api/jobs/${job.id}` }] };
  }
}
