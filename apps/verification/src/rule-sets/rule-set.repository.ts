import { Queryable } from '@labflow/platform/kafka';
import { SCHEMA } from '../migrations';
import { RuleSet } from '../rules/rule-set';

const S = `"${SCHEMA}"`;

export interface StoredRuleSet extends RuleSet { active: boolean; createdBy: string; createdAt: string }
type Rules = Pick<RuleSet, 'parameters' | 'blockingParamFlags' | 'blockingTestFlags' | 'devices'>;
interface Row { lab_id: number; test_id: number; version: number; active: boolean; rules: Rules; created_by: string; created_at: Date }

/** Versioned rule sets: a save is a new version, never an edit, so every decision names what decided it. */
export class RuleSetRepository {
  constructor(private readonly db: Queryable) {}

  async insert(labId: number, testId: number, active: boolean, rules: Rules, createdBy: string): Promise<StoredRuleSet> {
    // one writer per test at a time, so versions are 1, 2, 3… without gaps or conflicts
    await this.db.query('SELECT pg_advisory_xact_lock($1, $2)', [labId, testId]);
    const rows: Row[] = await this.db.query(
      `INSERT INTO ${S}.rule_sets (lab_id, test_id, version, active, rules, created_by)
       SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4, $5 FROM ${S}.rule_sets WHERE lab_id = $1 AND test_id = $2
       RETURNING *`,
      [labId, testId, active, JSON.stringify(rules), createdBy],
    );
    return toRuleSet(rows[0]);
  }

  /** The rule set that decides: the latest active version. */
  async latestActive(labId: number, testId: number): Promise<StoredRuleSet | null> {
    const rows: Row[] = await this.db.query(
      `SELECT * FROM ${S}.rule_sets WHERE lab_id = $1 AND test_id = $2 AND active ORDER BY version DESC LIMIT 1`, [labId, testId],
    );
    return rows[0] ? toRuleSet(rows[0]) : null;
  }

  /** A given version, or the latest one (active or not) without it. */
  async find(labId: number, testId: number, version?: number): Promise<StoredRuleSet | null> {
    const rows: Row[] = version === undefined
      ? await this.db.query(`SELECT * FROM ${S}.rule_sets WHERE lab_id = $1 AND test_id = $2 ORDER BY version DESC LIMIT 1`, [labId, testId])
      : await this.db.query(`SELECT * FROM ${S}.rule_sets WHERE lab_id = $1 AND test_id = $2 AND version = $3`, [labId, testId, version]);
    return rows[0] ? toRuleSet(rows[0]) : null;
  }
}

function toRuleSet(r: Row): StoredRuleSet {
  return {
    labId: r.lab_id, testId: r.test_id, version: r.version, active: r.active, ...r.rules,
    createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString(),
  };
}
