import { Queryable } from '@labflow/platform/kafka';
import { ReportFormatSaved } from '@labflow/contracts';
import { SCHEMA } from '../migrations';
import { FormatParameter } from '../rules/decision';

const S = `"${SCHEMA}"`;

/** The formats of tests as report_format.saved tells them: names and measuring (linearity) ranges. */
export class ReportFormatRepository {
  constructor(private readonly db: Queryable) {}

  /** Keeps the highest revision: an older event arriving late changes nothing. */
  async save(e: ReportFormatSaved): Promise<void> {
    const parameters: FormatParameter[] = e.parameters.map((p) => ({
      index: p.index, name: p.name,
      linearityLower: p.linearityLower ?? null, linearityUpper: p.linearityUpper ?? null,
    }));
    await this.db.query(
      `INSERT INTO ${S}.report_formats (lab_id, test_id, revision, parameters) VALUES ($1, $2, $3, $4)
       ON CONFLICT (lab_id, test_id) DO UPDATE SET revision = EXCLUDED.revision, parameters = EXCLUDED.parameters
       WHERE ${S}.report_formats.revision < EXCLUDED.revision`,
      [e.labId, e.testId, e.revision, JSON.stringify(parameters)],
    );
  }

  async parametersOf(labId: number, testId: number): Promise<FormatParameter[]> {
    const rows: { parameters: FormatParameter[] }[] = await this.db.query(
      `SELECT parameters FROM ${S}.report_formats WHERE lab_id = $1 AND test_id = $2`, [labId, testId],
    );
    return rows[0]?.parameters ?? [];
  }
}
