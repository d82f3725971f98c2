import { Queryable } from '@labflow/platform/kafka';
import { RerunLifecyclePosition } from '@labflow/contracts';
import { SCHEMA } from '../migrations';

/** The newest rerun lifecycle position applied per lab report; every write carries its lab. */
export class RerunPositionRepository {
  constructor(private readonly session: Queryable) {}

  /** True when `p` is newer than what was applied (and is now recorded); false for a late event. */
  async advance(p: RerunLifecyclePosition): Promise<boolean> {
    const rows: unknown[] = await this.session.query(
      `INSERT INTO "${SCHEMA}".lab_report_rerun_positions AS cur (lab_report_id, lab_id, lifecycle_epoch, sequence) VALUES ($1,$2,$3,$4)
       ON CONFLICT (lab_report_id) DO UPDATE SET lifecycle_epoch = EXCLUDED.lifecycle_epoch, sequence = EXCLUDED.sequence, updated_at = now()
       WHERE cur.lab_id = EXCLUDED.lab_id AND (cur.lifecycle_epoch, cur.sequence) < (EXCLUDED.lifecycle_epoch, EXCLUDED.sequence)
       RETURNING lab_report_id`,
      [p.labReportId, p.labId, p.lifecycleEpoch, p.sequence],
    );
    return rows.length === 1;
  }

  /** seed 000: sampleRedrawFlag 3 requested, 4 fulfilled, 0 closed. */
  async setRedrawFlag(labId: number, labReportId: number, flag: 0 | 3 | 4): Promise<void> {
    await this.session.query(
      `UPDATE "${SCHEMA}".lab_reports SET sample_redraw_flag = $3, updated_at = now() WHERE lab_id = $1 AND id = $2`,
      [labId, labReportId, flag],
    );
  }
}
