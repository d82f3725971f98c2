import { DataPartialFromDeviceResult, DeviceDataReceived, MessageContext, TOPICS } from '@labflow/contracts';
import { PgOutbox, Queryable } from '@labflow/platform/kafka';
import { traceHeaders } from '@labflow/platform/observability';

const S = '"device_ingestion"';

export interface PayloadClaim {
  key: string; resultId: string; labId: number; deviceId: number; sampleId: string; payload: object; response: DataPartialFromDeviceResult;
}

/** What the guard statement returns: a row only the first time a key is stored. */
interface ClaimedRow { result_id: string }
/** The response kept with a payload. */
interface ResponseRow { response: DataPartialFromDeviceResult }

/**
 * Accepted analyzer payloads, keyed by their idempotency key (raw payload kept, token removed). A
 * payload and its `device.data.received` are written by one statement (PgOutbox.addGuarded): both
 * or, for a key accepted before, neither. One round trip on the hot path where a transaction is four.
 */
export class DevicePayloadRepository {
  constructor(private readonly session: Queryable, private readonly outbox: PgOutbox) {}

  /** Stores `claim` and its event unless its key was accepted before; true the first time. */
  async acceptOnce(claim: PayloadClaim, event: DeviceDataReceived, cause: MessageContext): Promise<boolean> {
    const guard = {
      sql: `INSERT INTO ${S}.device_payloads (idempotency_key, result_id, lab_id, device_id, sample_id, payload, response)
            VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (idempotency_key) DO NOTHING RETURNING result_id`,
      params: [claim.key, claim.resultId, claim.labId, claim.deviceId, claim.sampleId, JSON.stringify(claim.payload), JSON.stringify(claim.response)],
    };
    const { rows } = await this.outbox.addGuarded<typeof TOPICS.deviceDataReceived, ClaimedRow>(
      this.session, guard, TOPICS.deviceDataReceived, [{ payload: event, cause, trace: traceHeaders() }],
    );
    return rows.length === 1;
  }

  /** The response given when the payload of `key` was accepted (null: not stored, or not yet committed). */
  async response(key: string): Promise<DataPartialFromDeviceResult | null> {
    const rows: ResponseRow[] = await this.session.query(`SELECT response FROM ${S}.device_payloads WHERE idempotency_key = $1`, [key]);
    return rows[0]?.response ?? null;
  }
}
