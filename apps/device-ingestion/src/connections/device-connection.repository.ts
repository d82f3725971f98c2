import { DeviceConnectionView } from '@labflow/contracts';
import { Queryable } from '@labflow/platform/kafka';

const S = '"device_ingestion"';

/** A device's registered connection, as stored (defaults already filled in by the use case): the view less what the store adds. */
export type StoredConnection = Omit<DeviceConnectionView, 'deviceName' | 'updatedAt'>;

export type ConnectionRecord = StoredConnection & { deviceName: string; updatedAt: Date };

/** The address a bridge of a lab serves: one device per address. */
export type ConnectionAddress = Pick<StoredConnection, 'labId' | 'bridge' | 'mode' | 'host' | 'port'>;

interface ConnectionRow {
  device_id: number; lab_id: number; protocol: 'astm' | 'hl7'; mode: 'server' | 'client'; host: string; port: number;
  profile: string; reconnect_ms: number; bridge: string; updated_at: Date; device_name: string;
}

const COLUMNS = 'c.device_id, c.lab_id, c.protocol, c.mode, c.host, c.port, c.profile, c.reconnect_ms, c.bridge, c.updated_at, d.name AS device_name';

const toConnection = (r: ConnectionRow): ConnectionRecord => ({
  deviceId: r.device_id, labId: r.lab_id, protocol: r.protocol, mode: r.mode, host: r.host, port: r.port, profile: r.profile,
  reconnectMs: r.reconnect_ms, bridge: r.bridge, updatedAt: r.updated_at, deviceName: r.device_name,
});

/** A unique violation of the one-device-per-address index (TypeORM copies the driver's code and constraint onto its error). */
function isAddressTaken(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  return (e.code ?? e.driverError?.code) === '23505' && (e.constraint ?? e.driverError?.constraint) === 'device_connections_address_idx';
}

/** Devices' registered connections. Every query is scoped by lab; the bridge's read by the device's token hash too. */
export class DeviceConnectionRepository {
  constructor(private readonly session: Queryable) {}

  /**
   * One connection per device: saving again replaces it. Null when another device took the address
   * meanwhile (the unique index, under a savepoint so the transaction goes on): the caller's 409.
   */
  async upsert(c: StoredConnection): Promise<ConnectionRecord | null> {
    await this.session.query('SAVEPOINT device_connection_upsert');
    try {
      await this.session.query(
        `INSERT INTO ${S}.device_connections (device_id, lab_id, protocol, mode, host, port, profile, reconnect_ms, bridge)
         SELECT d.id, d.lab_id, $3, $4, $5, $6, $7, $8, $9 FROM ${S}.devices d WHERE d.lab_id = $1 AND d.id = $2
         ON CONFLICT (device_id) DO UPDATE SET protocol = EXCLUDED.protocol, mode = EXCLUDED.mode, host = EXCLUDED.host, port = EXCLUDED.port,
           profile = EXCLUDED.profile, reconnect_ms = EXCLUDED.reconnect_ms, bridge = EXCLUDED.bridge, updated_at = now()`,
        [c.labId, c.deviceId, c.protocol, c.mode, c.host, c.port, c.profile, c.reconnectMs, c.bridge],
      );
    } catch (error) {
      if (!isAddressTaken(error)) throw error;
      await this.session.query('ROLLBACK TO SAVEPOINT device_connection_upsert');
      return null;
    }
    await this.session.query('RELEASE SAVEPOINT device_connection_upsert');
    const saved = await this.find(c.labId, c.deviceId);
    if (!saved) throw new Error(`connection of device ${c.deviceId} not saved`); // the use case found the device in this transaction
    return saved;
  }

  async find(labId: number, deviceId: number): Promise<ConnectionRecord | null> {
    const rows: ConnectionRow[] = await this.session.query(
      `SELECT ${COLUMNS} FROM ${S}.device_connections c JOIN ${S}.devices d ON d.id = c.device_id WHERE c.lab_id = $1 AND c.device_id = $2`,
      [labId, deviceId],
    );
    return rows[0] ? toConnection(rows[0]) : null;
  }

  /** The device (other than `exceptDeviceId`) whose connection has this address, if any. */
  async deviceAt(address: ConnectionAddress, exceptDeviceId: number): Promise<number | null> {
    const rows: { device_id: number }[] = await this.session.query(
      `SELECT device_id FROM ${S}.device_connections WHERE lab_id = $1 AND bridge = $2 AND mode = $3 AND host = $4 AND port = $5 AND device_id <> $6`,
      [address.labId, address.bridge, address.mode, address.host, address.port, exceptDeviceId],
    );
    return rows[0]?.device_id ?? null;
  }

  /** Removes the device's connection; answers it as it was, or null when there was none. */
  async remove(labId: number, deviceId: number): Promise<ConnectionRecord | null> {
    const found = await this.find(labId, deviceId);
    if (!found) return null;
    await this.session.query(`DELETE FROM ${S}.device_connections WHERE lab_id = $1 AND device_id = $2`, [labId, deviceId]);
    return found;
  }

  /** What the bridge reads: the connection of the device this token (hash) names in this lab; `device` null when it names none. */
  async forDeviceAuth(authHash: string, labId: number): Promise<{ deviceId: number | null; connection: ConnectionRecord | null }> {
    const rows: (Partial<ConnectionRow> & { id: number; name: string })[] = await this.session.query(
      `SELECT d.id, d.name, c.device_id, c.lab_id, c.protocol, c.mode, c.host, c.port, c.profile, c.reconnect_ms, c.bridge, c.updated_at, d.name AS device_name
       FROM ${S}.devices d LEFT JOIN ${S}.device_connections c ON c.device_id = d.id AND c.lab_id = d.lab_id
       WHERE d.auth_hash = $1 AND d.lab_id = $2`,
      [authHash, labId],
    );
    const row = rows[0];
    if (!row) return { deviceId: null, connection: null };
    return { deviceId: row.id, connection: row.device_id ? toConnection(row as ConnectionRow) : null };
  }
}
