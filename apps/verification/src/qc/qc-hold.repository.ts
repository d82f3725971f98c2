import { Queryable } from '@labflow/platform/kafka';
import { QcHoldView } from '@labflow/contracts';
import { SCHEMA } from '../migrations';
import { QcHold } from '../rules/decision';

const S = `"${SCHEMA}"`;
interface Row { device_id: number; since: Date; reason: string | null; set_by: string; cleared_at: Date | null }

/** "QC failed on device X since T": holds that device's results until cleared (one current state per device). */
export class QcHoldRepository {
  constructor(private readonly db: Queryable) {}

  async set(labId: number, deviceId: number, since: string, reason: string | null, by: string): Promise<QcHoldView> {
    const rows: Row[] = await this.db.query(
      `INSERT INTO ${S}.qc_holds (lab_id, device_id, since, reason, set_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (lab_id, device_id) DO UPDATE SET since = EXCLUDED.since, reason = EXCLUDED.reason, set_by = EXCLUDED.set_by,
         cleared_at = NULL, cleared_by = NULL
       RETURNING *`,
      [labId, deviceId, since, reason, by],
    );
    return toView(rows[0]);
  }

  async clear(labId: number, deviceId: number, by: string): Promise<QcHoldView | null> {
    const [rows]: [Row[], number] = await this.db.query(
      `UPDATE ${S}.qc_holds SET cleared_at = COALESCE(cleared_at, clock_timestamp()), cleared_by = COALESCE(cleared_by, $3)
       WHERE lab_id = $1 AND device_id = $2 RETURNING *`,
      [labId, deviceId, by],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  /** Holds in force for results of these devices observed at `at`. */
  async activeFor(labId: number, deviceIds: number[], at: string): Promise<QcHold[]> {
    if (deviceIds.length === 0) return [];
    const rows: Row[] = await this.db.query(
      `SELECT * FROM ${S}.qc_holds WHERE lab_id = $1 AND device_id = ANY($2::int[]) AND cleared_at IS NULL AND since <= $3`,
      [labId, deviceIds, at],
    );
    return rows.map((r) => ({ deviceId: r.device_id, since: new Date(r.since).toISOString(), reason: r.reason }));
  }
}

function toView(r: Row): QcHoldView {
  return {
    deviceId: r.device_id, held: r.cleared_at === null, since: new Date(r.since).toISOString(), reason: r.reason, setBy: r.set_by,
    clearedAt: r.cleared_at ? new Date(r.cleared_at).toISOString() : null,
  };
}
