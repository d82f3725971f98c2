import { ActivityLogged } from '@labflow/contracts';
import { Queryable } from '@labflow/platform/kafka';
import { SCHEMA } from '../migrations';

const S = `"${SCHEMA}"`;

export interface ActivityRow {
  lab_user_name: string; activity_text: string; meta: Record<string, unknown> | null; activity_date: Date;
}

/** The only code touching the activity log table, in one session; reads take the lab. */
export class ActivityLogRepository {
  constructor(private readonly db: Queryable) {}

  async insert(id: string, e: ActivityLogged): Promise<void> {
    await this.db.query(
      `INSERT INTO ${S}.activity_log (id, lab_id, log_category_id, lab_report_id, bill_id, user_id, lab_user_name, activity_text, meta, activity_date)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (id) DO NOTHING`,
      [id, e.labId, e.logCategoryId, e.labReportId ?? null, e.billId ?? null, e.userId, e.labUserName, e.activityText,
        e.meta === undefined ? null : JSON.stringify(e.meta), e.activityDate],
    );
  }

  /** Oldest first; entries of one instant keep the order they were logged in. */
  async forReports(labId: number, category: number, labReportIds: number[], limit: number): Promise<ActivityRow[]> {
    return this.db.query(
      `SELECT lab_user_name, activity_text, meta, activity_date FROM ${S}.activity_log
       WHERE lab_id = $1 AND log_category_id = $2 AND lab_report_id = ANY($3::int[])
       ORDER BY activity_date ASC, seq ASC LIMIT $4`,
      [labId, category, labReportIds, limit],
    );
  }
}
