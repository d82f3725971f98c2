import { Queryable } from '@labflow/platform/kafka';
import { SCHEMA } from '../migrations';
import { OpenRerun } from '../rules/decision';

const S = `"${SCHEMA}"`;

export interface RerunTransition { labId: number; labReportId: number; lifecycleEpoch: number; sequence: number }

/** Each report's rerun lifecycle as rerun's events tell it; the highest (epoch, sequence) wins. */
export class RerunRepository {
  constructor(private readonly db: Queryable) {}

  async apply(
    t: RerunTransition, change: { open: boolean; since?: string; requestedParameters?: number[]; confirmed?: boolean },
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO ${S}.reruns (lab_id, lab_report_id, lifecycle_epoch, sequence, open, since, requested_parameters, confirmed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (lab_id, lab_report_id) DO UPDATE SET
         lifecycle_epoch = EXCLUDED.lifecycle_epoch, sequence = EXCLUDED.sequence, open = EXCLUDED.open,
         since = COALESCE(EXCLUDED.since, ${S}.reruns.since),
         requested_parameters = CASE WHEN EXCLUDED.open THEN EXCLUDED.requested_parameters ELSE ${S}.reruns.requested_parameters END,
         confirmed = ${S}.reruns.confirmed + EXCLUDED.confirmed
       WHERE (${S}.reruns.lifecycle_epoch, ${S}.reruns.sequence) < (EXCLUDED.lifecycle_epoch, EXCLUDED.sequence)`,
      [t.labId, t.labReportId, t.lifecycleEpoch, t.sequence, change.open, change.since ?? null, JSON.stringify(change.requestedParameters ?? []), change.confirmed ? 1 : 0],
    );
  }

  async openRerun(labId: number, labReportId: number): Promise<OpenRerun | null> {
    const rows: { since: Date | null; requested_parameters: number[] }[] = await this.db.query(
      `SELECT since, requested_parameters FROM ${S}.reruns WHERE lab_id = $1 AND lab_report_id = $2 AND open`, [labId, labReportId],
    );
    const row = rows[0];
    return row ? { since: row.since ? new Date(row.since).toISOString() : '', requestedParameters: row.requested_parameters } : null;
  }

  /** Reports of the list that had a rerun requested at any time (their values were, or will be, looked at again). */
  async rerunReports(labId: number, labReportIds: number[]): Promise<Set<number>> {
    if (labReportIds.length === 0) return new Set();
    const rows: { lab_report_id: number }[] = await this.db.query(
      `SELECT lab_report_id FROM ${S}.reruns WHERE lab_id = $1 AND lab_report_id = ANY($2::int[])`, [labId, labReportIds],
    );
    return new Set(rows.map((r) => r.lab_report_id));
  }
}
