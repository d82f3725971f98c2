import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DataPartialFromDeviceResult } from '@labflow/contracts';
import { GuardStatement } from '@labflow/platform/kafka';

const S = '"device_ingestion"';

export interface PayloadClaim {
  key: string; resultId: string; labId: number; deviceId: number; sampleId: string; payload: object; response: DataPartialFromDeviceResult;
}

/** Accepted analyzer payloads, keyed by their idempotency key (raw payload kept, token removed). */
@Injectable()
export class DevicePayloadRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a payload unless its key was accepted before: returns a row only the first time (the outbox's guard). */
  claimStatement(p: PayloadClaim): GuardStatement {
    return {
      sql: `INSERT INTO ${S}.device_payloads (idempotency_key, result_id, lab_id, device_id, sample_id, payload, response)
            VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (idempotency_key) DO NOTHING RETURNING result_id`,
      params: [p.key, p.resultId, p.labId, p.deviceId, p.sampleId, JSON.stringify(p.payload), JSON.stringify(p.response)],
    };
  }

  /** The response given when the payload of `key` was accepted (null: not stored, or not yet committed). */
  async response(key: string): Promise<DataPartialFromDeviceResult | null> {
    const rows: { response: DataPartialFromDeviceResult }[] = await this.dataSource.query(
      `SELECT response FROM ${S}.device_payloads WHERE idempotency_key = $1`, [key],
    );
    return rows[0]?.response ?? null;
  }
}
