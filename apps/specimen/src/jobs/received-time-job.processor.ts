import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TOPICS } from '@labflow/contracts';
import { PgOutbox } from '@labflow/platform/kafka';
import { specimenRepositories } from '../specimen-unit-of-work';
import { receivedTimeRefusal } from '../specimens/received-time.rules';
import { SPECIMEN_ERRORS } from '../specimens/specimen.errors';
import { JobRow } from './job.repository';

/**
 * Applies one received-time job inside the worker's transaction (seed 003 steps 2.1–2.3): the time,
 * updated_at and updated_by are set together with the job's outcome and the `specimen.received`
 * event, or not at all.
 */
@Injectable()
export class ReceivedTimeJobProcessor {
  constructor(private readonly outbox: PgOutbox) {}

  /** Answers the job's new status: processed, or failed with the spec's refusal. */
  async apply(manager: EntityManager, job: JobRow): Promise<'processed' | 'failed'> {
    const { specimens, jobs } = specimenRepositories(manager);
    const updated = await specimens.setReceivedTimeOnce(job.lab_id, job.specimen_id, job.received_time, job.requested_by);
    if (!updated) {
      // The conditional UPDATE matched nothing: tell the caller why, with the spec's message.
      const specimen = await specimens.find(job.lab_id, job.patient_id, job.specimen_id);
      const code = specimen ? receivedTimeRefusal(specimen, job.received_time, new Date()) ?? 'RECEIVED_TIME_ALREADY_SET' : 'NOT_FOUND';
      const { status, message } = SPECIMEN_ERRORS.toException(SPECIMEN_ERRORS.error(code));
      await jobs.markFailed(job, { status, message });
      return 'failed';
    }
    const receivedTime = (updated.received_time as Date).toISOString();
    await this.outbox.add(manager, TOPICS.specimenReceived, {
      labId: updated.lab_id, specimenId: updated.id, patientId: updated.patient_id, sampleId: updated.sample_id,
      billId: updated.bill_id, collectedAt: updated.collected_at.toISOString(), receivedTime,
      updatedBy: job.requested_by, updatedAt: updated.updated_at.toISOString(), jobId: job.id,
    }, { labId: job.lab_id, correlationId: job.correlation_id, causationId: job.causation_id });
    await jobs.markProcessed(job, { specimen_id: updated.id, received_time: receivedTime });
    return 'processed';
  }
}
