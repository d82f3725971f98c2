import { Queryable } from '@labflow/platform/kafka';
import { SCHEMA } from '../migrations';

const S = `"${SCHEMA}"`;

export interface OverdueRow { lab_id: number; lab_report_id: number; bill_id: number; test_id: number; pending_since: Date; overdue_at: Date }

/** Critical values awaiting a done callout, in one session. */
export class PendingCriticalRepository {
  constructor(private readonly db: Queryable) {}

  /** The first time a report went pending counts; a later value of the same episode does not restart the clock. */
  async open(r: { labId: number; labReportId: number; billId: number; testId: number; since: string }): Promise<void> {
    await this.db.query(
      `INSERT INTO ${S}.pending_criticals (lab_report_id, lab_id, bill_id, test_id, pending_since) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (lab_report_id) DO NOTHING`,
      [r.labReportId, r.labId, r.billId, r.testId, r.since],
    );
  }

  /** A done callout closes the episode, even when it overtook the pending event. */
  async closeByCallout(labId: number, billId: number, reports: { labReportId: number; testId: number }[]): Promise<void> {
    for (const r of reports) {
      await this.db.query(
        `INSERT INTO ${S}.pending_criticals (lab_report_id, lab_id, bill_id, test_id, pending_since, called_out_at)
         VALUES ($1,$2,$3,$4,clock_timestamp(),clock_timestamp())
         ON CONFLICT (lab_report_id) DO UPDATE SET called_out_at = COALESCE(${S}.pending_criticals.called_out_at, clock_timestamp())
         WHERE ${S}.pending_criticals.lab_id = EXCLUDED.lab_id`,
        [r.labReportId, labId, billId, r.testId],
      );
    }
  }

  /** Marks open episodes older than the allowed time as overdue; a row is marked (and returned) once. */
  async markOverdue(now: Date, allowedMinutes: number, batch: number): Promise<OverdueRow[]> {
    // An UPDATE … RETURNING answers [rows, affected] through TypeORM's postgres driver.
    const [rows]: [OverdueRow[], number] = await this.db.query(
      `UPDATE ${S}.pending_criticals SET overdue_at = $1
       WHERE lab_report_id IN (
         SELECT lab_report_id FROM ${S}.pending_criticals
         WHERE called_out_at IS NULL AND overdue_at IS NULL AND pending_since < $1::timestamptz - make_interval(mins => $2)
         ORDER BY pending_since LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING lab_id, lab_report_id, bill_id, test_id, pending_since, overdue_at`,
      [now, allowedMinutes, batch],
    );
    return rows;
  }
}
