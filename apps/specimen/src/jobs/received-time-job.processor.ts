import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TOPICS } from '@labflow/contracts';
import { PgOutbox } from '@labflow/platform/kafka';
import { receivedTimeRefusal } from '../specimens/received-time.rules';
import { SPECIMEN_ERRORS } from '../specimens/specimen.exception';
import { SpecimenRepository } from '../specimens/specimen.repository';
import { JobRepository, JobRow } from './job.repository';

/**
 * Applies one received-time job inside the worker's transaction (seed 003 steps 2.1–2.3): the time,
 * updated_at and updated_by are set together with the job's outcome and the `specimen.received`
 * event, or not at all.
 */
@Injectable()
export class ReceivedTimeJobProcessor {
  constructor(
    private readonly specimens: SpecimenRepository,
    private readonly jobs: JobRepository,
    private readonly outbox: PgOutbox,
  ) {}

  /** Answers the job's new status: processed, or failed with the spec's refusal. */
  async apply(manager: EntityManager, job: JobRow): Promise<'processed' | 'failed'> {
    const updated = await this.specimens.setReceivedTimeOnce(manager, job.lab_id, job.specimen_id, job.received_time, job.requested_by);
    if (!updated) {
      // The conditional UPDATE matched nothing: tell the caller why, with the spec's message.
      const specimen = await this.specimens.find(job.lab_id, job.patient_id, job.specimen_id, manager);
      const refusal = specimen ? receivedTimeRefusal(specimen, job.received_time, new Date()) ?? SPECIMEN_ERRORS.alreadySet : SPECIMEN_ERRORS.notFound;
      await this.jobs.markFailed(manager, job, { status: refusal.status, message: refusal.message });
      return 'failed';
    }
    const receivedTime = (updated.received_time as Date).toISOString();
    await this.outbox.add(manager, TOPICS.specimenReceived, {
      labId: updated.lab_id, specimenId: updated.id, patientId: updated.patient_id, sampleId: updated.sample_id,
      billId: updated.bill_id, collectedAt: updated.collected_at.toISOString(), receivedTime,
      updatedBy: job.requested_by, updatedAt: updated.updated_at.toISOString(), jobId: job.id,
    }, { labId: job.lab_id, correlationId: job.correlation_id, causationId: job.causation_id });
    await this.jobs.markProcessed(manager, job, { specimen_id: updated.id, received_time: receivedTime });
    return 'processed';
  }
}
