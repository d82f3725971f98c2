import { JobStatus, JobView } from '@labflow/contracts';
import { Queryable } from '@labflow/platform/kafka';
import { traceHeaders } from '@labflow/platform/observability';
import { SCHEMA } from '../migrations';

export const RECEIVED_TIME_JOB = 'specimen.set_received_time';

export interface JobRow {
  id: string;
  lab_id: number;
  type: string;
  status: JobStatus;
  specimen_id: string;
  patient_id: string;
  received_time: Date;
  requested_by: string;
  correlation_id: string;
  causation_id: string | null;
  attempts: number;
  error: { status: number; message: string } | null;
  result: { specimen_id: string; received_time: string } | null;
  /** The trace context of the request that created the job (traceparent); the worker continues it. */
  trace_headers: Record<string, string>;
  created_at: Date;
  updated_at: Date;
}

export interface NewJob {
  id: string;
  labId: number;
  specimenId: string;
  patientId: string;
  receivedTime: Date;
  requestedBy: string;
  correlationId: string;
  causationId: string | null;
}

/** The durable job queue of seed 003's asynchronous request, in one session: a job row survives a crash of the app. */
export class JobRepository {
  constructor(private readonly db: Queryable) {}

  /** Keeps the trace context of the current unit of work (the command's span) with the job. */
  async create(job: NewJob): Promise<JobRow> {
    const rows: JobRow[] = await this.db.query(
      `INSERT INTO "${SCHEMA}".jobs (id, lab_id, type, specimen_id, patient_id, received_time, requested_by, correlation_id, causation_id, trace_headers)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
      [job.id, job.labId, RECEIVED_TIME_JOB, job.specimenId, job.patientId, job.receivedTime, job.requestedBy, job.correlationId, job.causationId,
        JSON.stringify(traceHeaders())],
    );
    return rows[0];
  }

  async find(labId: number, id: string): Promise<JobRow | null> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
    const rows: JobRow[] = await this.db.query(`SELECT * FROM "${SCHEMA}".jobs WHERE lab_id = $1 AND id = $2`, [labId, id]);
    return rows[0] ?? null;
  }

  /**
   * The oldest pending job of any lab (the worker serves every lab; each job carries its own lab),
   * locked for the caller's transaction; SKIP LOCKED lets several instances work side by side.
   */
  async lockNextPending(): Promise<JobRow | null> {
    const rows: JobRow[] = await this.db.query(
      `SELECT * FROM "${SCHEMA}".jobs WHERE status = 'pending' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    return rows[0] ?? null;
  }

  async markProcessed(job: JobRow, result: JobRow['result']): Promise<void> {
    await this.db.query(
      `UPDATE "${SCHEMA}".jobs SET status = 'processed', result = $3, attempts = attempts + 1, updated_at = now()
       WHERE lab_id = $1 AND id = $2`,
      [job.lab_id, job.id, JSON.stringify(result)],
    );
  }

  async markFailed(job: JobRow, error: { status: number; message: string }): Promise<void> {
    await this.db.query(
      `UPDATE "${SCHEMA}".jobs SET status = 'failed', error = $3, attempts = attempts + 1, updated_at = now()
       WHERE lab_id = $1 AND id = $2`,
      [job.lab_id, job.id, JSON.stringify(error)],
    );
  }

  /** An unexpected error: counted; after `maxAttempts` the job fails instead of blocking the queue. */
  async recordAttemptError(labId: number, id: string, message: string, maxAttempts: number): Promise<void> {
    await this.db.query(
      `UPDATE "${SCHEMA}".jobs SET attempts = attempts + 1, last_error = $3, updated_at = now(),
         status = CASE WHEN attempts + 1 >= $4 THEN 'failed' ELSE status END,
         error = CASE WHEN attempts + 1 >= $4 THEN '{"status":500,"message":"Internal error"}'::jsonb ELSE error END
       WHERE lab_id = $1 AND id = $2 AND status = 'pending'`,
      [labId, id, message.slice(0, 1000), maxAttempts],
    );
  }
}

export function toJobView(row: JobRow): JobView {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    error: row.error,
    result: row.result,
    inserted_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
