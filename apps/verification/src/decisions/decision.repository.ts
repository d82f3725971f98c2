import { Queryable } from '@labflow/platform/kafka';
import { SCHEMA } from '../migrations';
import { Decision, DecisionInput } from '../rules/decision';

const S = `"${SCHEMA}"`;

export interface StoredReview { action: 'released' | 'rejected'; comment: string; by: string; at: string; rerunRequested: number[] }
export interface StoredDecision {
  id: string;
  labId: number;
  labReportId: number;
  testId: number;
  updateId: string;
  outcome: Decision;
  inputs: DecisionInput;
  decidedAt: string;
  review: StoredReview | null;
}

interface Row {
  id: string; lab_id: number; lab_report_id: number; test_id: number; update_id: string; outcome: Decision; inputs: DecisionInput; decided_at: Date;
  review_action: 'released' | 'rejected' | null; review_comment: string | null; reviewed_by: string | null; reviewed_at: Date | null; rerun_requested: number[] | null;
}

/** Every decision, with the inputs it saw (a dry run decides them again under another rule set). */
export class DecisionRepository {
  constructor(private readonly db: Queryable) {}

  async insert(d: Omit<StoredDecision, 'decidedAt' | 'review'>): Promise<StoredDecision> {
    const rows: Row[] = await this.db.query(
      `INSERT INTO ${S}.decisions (id, lab_id, lab_report_id, test_id, update_id, rule_set_version, decided_status, reasons, outcome, inputs)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
      [d.id, d.labId, d.labReportId, d.testId, d.updateId, d.outcome.ruleSetVersion, d.outcome.status, JSON.stringify(d.outcome.reasons),
        JSON.stringify(d.outcome), JSON.stringify(d.inputs)],
    );
    return toDecision(rows[0]);
  }

  async find(labId: number, id: string): Promise<StoredDecision | null> {
    const rows: Row[] = await this.db.query(`SELECT * FROM ${S}.decisions WHERE lab_id = $1 AND id = $2`, [labId, id]);
    return rows[0] ? toDecision(rows[0]) : null;
  }

  async review(labId: number, id: string, review: Omit<StoredReview, 'at'>): Promise<void> {
    await this.db.query(
      `UPDATE ${S}.decisions SET review_action = $3, review_comment = $4, reviewed_by = $5, reviewed_at = clock_timestamp(), rerun_requested = $6
       WHERE lab_id = $1 AND id = $2`,
      [labId, id, review.action, review.comment, review.by, JSON.stringify(review.rerunRequested)],
    );
  }

  /** The latest decision of each report of the test decided in the last `days` days (what a dry run decides again). */
  async latestPerReport(labId: number, testId: number, days: number): Promise<StoredDecision[]> {
    const rows: Row[] = await this.db.query(
      `SELECT DISTINCT ON (lab_report_id) * FROM ${S}.decisions
       WHERE lab_id = $1 AND test_id = $2 AND decided_at >= clock_timestamp() - make_interval(days => $3)
       ORDER BY lab_report_id, decided_at DESC`,
      [labId, testId, days],
    );
    return rows.map(toDecision);
  }
}

function toDecision(r: Row): StoredDecision {
  return {
    id: r.id, labId: r.lab_id, labReportId: r.lab_report_id, testId: r.test_id, updateId: r.update_id, outcome: r.outcome, inputs: r.inputs,
    decidedAt: new Date(r.decided_at).toISOString(),
    review: r.review_action
      ? { action: r.review_action, comment: r.review_comment ?? '', by: r.reviewed_by ?? '', at: new Date(r.reviewed_at ?? r.decided_at).toISOString(), rerunRequested: r.rerun_requested ?? [] }
      : null,
  };
}
