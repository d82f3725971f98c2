import { ReportVerificationBlock } from '@labflow/contracts';
import { Queryable } from '@labflow/platform/kafka';
import { SCHEMA } from '../migrations';

export type StoredDecision = Omit<ReportVerificationBlock, 'status' | 'review'>;
export type StoredReview = NonNullable<ReportVerificationBlock['review']> & { decisionId: string };

/** A report_verifications row as `row_to_json` gives it (times as JSON text), or as pg gives it (Date). */
export interface VerificationRow {
  lab_report_id: number;
  decision_id: string | null;
  decided_status: StoredDecision['decidedStatus'] | null;
  reasons: string[] | null;
  rule_set_version: number | null;
  held_parameters: number[] | null;
  decided_at: string | Date | null;
  review_decision_id: string | null;
  review_action: StoredReview['action'] | null;
  reviewed_by: string | null;
  review_comment: string | null;
  reviewed_at: string | Date | null;
}

const TABLE = `"${SCHEMA}".report_verifications`;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The row of a report as one JSON value, for a statement that reads the report (`r`) itself. */
export const VERIFICATION_JSON = `(SELECT row_to_json(v) FROM ${TABLE} v WHERE v.lab_report_id = r.id AND v.lab_id = r.lab_id)`;

/**
 * The verification app's decisions and reviews as its events tell them, one row per lab report,
 * written in the transaction of the event's inbox claim. Each write keeps the newest (decision by
 * decidedAt, review by its time): a late or redelivered event changes nothing; a row of another lab
 * is never touched.
 */
export class VerificationStatusRepository {
  constructor(private readonly session: Queryable) {}

  async saveDecision(labId: number, labReportId: number, d: StoredDecision): Promise<void> {
    await this.session.query(
      `INSERT INTO ${TABLE} AS cur (lab_report_id, lab_id, decision_id, decided_status, reasons, rule_set_version, held_parameters, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (lab_report_id) DO UPDATE SET decision_id = EXCLUDED.decision_id, decided_status = EXCLUDED.decided_status,
         reasons = EXCLUDED.reasons, rule_set_version = EXCLUDED.rule_set_version, held_parameters = EXCLUDED.held_parameters, decided_at = EXCLUDED.decided_at
       WHERE cur.lab_id = EXCLUDED.lab_id AND (cur.decided_at IS NULL OR cur.decided_at <= EXCLUDED.decided_at)`,
      [labReportId, labId, d.decisionId, d.decidedStatus, d.reasons, d.ruleSetVersion, d.heldParameters, isoTime('decidedAt', d.decidedAt)],
    );
  }

  async saveReview(labId: number, labReportId: number, r: StoredReview): Promise<void> {
    await this.session.query(
      `INSERT INTO ${TABLE} AS cur (lab_report_id, lab_id, review_decision_id, review_action, reviewed_by, review_comment, reviewed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (lab_report_id) DO UPDATE SET review_decision_id = EXCLUDED.review_decision_id, review_action = EXCLUDED.review_action,
         reviewed_by = EXCLUDED.reviewed_by, review_comment = EXCLUDED.review_comment, reviewed_at = EXCLUDED.reviewed_at
       WHERE cur.lab_id = EXCLUDED.lab_id AND (cur.reviewed_at IS NULL OR cur.reviewed_at <= EXCLUDED.reviewed_at)`,
      [labReportId, labId, r.decisionId, r.action, r.by, r.comment, isoTime('at', r.at)],
    );
  }

  /** The block of each report found (a report never decided is left out). */
  async blocks(labId: number, labReportIds: number[]): Promise<Map<number, ReportVerificationBlock>> {
    if (labReportIds.length === 0) return new Map();
    const rows: VerificationRow[] = await this.session.query(`SELECT * FROM ${TABLE} WHERE lab_id = $1 AND lab_report_id = ANY($2::int[])`, [labId, labReportIds]);
    return new Map(rows.flatMap((row) => {
      const block = verificationBlockOf(row);
      return block ? [[row.lab_report_id, block] as const] : [];
    }));
  }
}

/** The block a row stands for; null while no decision was made (a review can arrive first). */
export function verificationBlockOf(row: VerificationRow | null): ReportVerificationBlock | null {
  if (!row || row.decided_at === null) return null;
  const decision: StoredDecision = {
    decidedStatus: row.decided_status!, reasons: row.reasons!, ruleSetVersion: row.rule_set_version,
    heldParameters: row.held_parameters!, decisionId: row.decision_id!, decidedAt: isoOf(row.decided_at),
  };
  const review: StoredReview | undefined = row.reviewed_at === null ? undefined : {
    decisionId: row.review_decision_id!, action: row.review_action!, by: row.reviewed_by!, comment: row.review_comment!, at: isoOf(row.reviewed_at),
  };
  return blockOf(decision, review);
}

/** A review counts for the decision it reviewed; a later decision (new values) stands on its own. */
export function blockOf(decision: StoredDecision, review: StoredReview | undefined): ReportVerificationBlock {
  const current = review && review.decisionId === decision.decisionId ? review : undefined;
  return {
    status: current ? current.action : decision.decidedStatus, ...decision,
    review: current ? { action: current.action, by: current.by, comment: current.comment, at: current.at } : null,
  };
}

const isoOf = (t: string | Date): string => new Date(t).toISOString();

/** An event's time as written: ISO 8601 with its offset (PostgreSQL alone would also take 'yesterday'). */
function isoTime(field: string, value: string): string {
  if (!ISO_TIME.test(value)) throw new Error(`${field} is not an ISO 8601 time: ${value}`);
  return value;
}
