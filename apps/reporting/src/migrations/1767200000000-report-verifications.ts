import { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA } from './1732400000000-initial';

/**
 * Each lab report's autoverification status as the verification app's events tell it: the newest
 * decision and the newest review, beside the report so its reads join them in the same statement.
 * (Kept in the document store before; LegacyVerificationsMove copies what is there at start.)
 */
export class ReportVerifications1767200000000 implements MigrationInterface {
  name = 'ReportVerifications1767200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS "${SCHEMA}".report_verifications (
      lab_report_id int PRIMARY KEY,
      lab_id int NOT NULL,
      decision_id text,
      decided_status text CHECK (decided_status IN ('auto_verified', 'held')),
      reasons text[],
      rule_set_version int,
      held_parameters int[],
      decided_at timestamptz,
      review_decision_id text,
      review_action text CHECK (review_action IN ('released', 'rejected')),
      reviewed_by text CHECK (reviewed_by <> ''),
      review_comment text,
      reviewed_at timestamptz,
      -- a decision or a review is written whole, never in part
      CONSTRAINT report_verifications_decision_whole CHECK ((decided_at IS NULL) = (decision_id IS NULL)
        AND (decided_at IS NULL) = (decided_status IS NULL) AND (decided_at IS NULL) = (reasons IS NULL) AND (decided_at IS NULL) = (held_parameters IS NULL)),
      CONSTRAINT report_verifications_review_whole CHECK ((reviewed_at IS NULL) = (review_decision_id IS NULL)
        AND (reviewed_at IS NULL) = (review_action IS NULL) AND (reviewed_at IS NULL) = (reviewed_by IS NULL) AND (reviewed_at IS NULL) = (review_comment IS NULL))
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "${SCHEMA}".report_verifications`);
  }
}
