import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DataPartialFromDeviceResult } from '@labflow/contracts';

const S = '"device_ingestion"';

/** Accepted analyzer payloads, keyed by their idempotency key (raw payload kept, token removed). */
@Injectable()
export class DevicePayloadRepository {
  /** False when this key was accepted before (the caller answers with the first response). */
  async claim(manager: EntityManager, p: { key: string; resultId: string; labId: number; deviceId: number; sampleId: string; payload: object; response: DataPartialFromDeviceResult }): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${S}.device_payloads (idempotency_key, result_id, lab_id, device_id, sample_id, payload, response)
       VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (idempotency_key) DO NOTHING RETURNING result_id`,
      [p.key, p.resultId, p.labId, p.deviceId, p.sampleId, JSON.stringify(p.payload), JSON.stringify(p.response)],
    );
    return rows.length === 1;
  }

  async response(manager: EntityManager, key: string): Promise<DataPartialFromDeviceResult | null> {
    const rows: { response: DataPartialFromDeviceResult }[] = await manager.query(
      `SELECT response FROM ${S}.device_payloads WHERE idempotency_key = $1`, [key],
    );
    return rows[0]?.response ?? null;
  }
}
