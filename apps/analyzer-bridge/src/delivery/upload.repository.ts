import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SCHEMA } from '../migrations';
import { DeviceUpload } from '../results/device-upload';
import { InstrumentResult } from '../results/instrument-message';
import { UploadRoute } from './rerun-route';

/** refused: a 4xx (the gateway's reason kept); dead: kept failing DELIVERY_MAX_ATTEMPTS times. Both wait for a replay. */
export type UploadStatus = 'pending' | 'delivered' | 'refused' | 'dead';

export interface UploadRow {
  id: string;
  message_id: string;
  device: string;
  lab_id: number;
  sample_id: string;
  payload: DeviceUpload;
  /** Decided at the first attempt (rerun values to `/new`, the rest a first fill); null until then. */
  route: UploadRoute | null;
  status: UploadStatus;
  attempts: number;
  next_attempt_at: Date;
  last_status: number | null;
  last_error: string | null;
  answer: unknown;
  created_at: Date;
  settled_at: Date | null;
}

export interface NewInstrumentMessage {
  id: string;
  device: string;
  labId: number;
  protocol: 'astm' | 'hl7';
  raw: Buffer;
  controlId: string;
  messageType: string;
  problems: string[];
  uploads: { id: string; upload: DeviceUpload }[];
  qc: { id: string; sampleId: string; results: InstrumentResult[] }[];
}

/**
 * The bridge's durable store: a message, its uploads and its QC runs in one transaction, before the
 * instrument is acknowledged; uploads are then claimed for delivery with a lease (a crash mid-call
 * leaves the upload to be claimed again when the lease ends; its Idempotency-Key makes that safe).
 */
@Injectable()
export class UploadRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(message: NewInstrumentMessage): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO "${SCHEMA}".instrument_messages (id, device, lab_id, protocol, raw, control_id, message_type, problems)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [message.id, message.device, message.labId, message.protocol, message.raw, message.controlId, message.messageType, JSON.stringify(message.problems)],
      );
      for (const { id, upload } of message.uploads) {
        await manager.query(
          `INSERT INTO "${SCHEMA}".uploads (id, message_id, device, lab_id, sample_id, payload) VALUES ($1, $2, $3, $4, $5, $6)`,
          [id, message.id, message.device, message.labId, upload.sampleId, JSON.stringify(upload)],
        );
      }
      for (const qc of message.qc) {
        await manager.query(
          `INSERT INTO "${SCHEMA}".qc_results (id, message_id, device, lab_id, sample_id, results) VALUES ($1, $2, $3, $4, $5, $6)`,
          [qc.id, message.id, message.device, message.labId, qc.sampleId, JSON.stringify(qc.results)],
        );
      }
    });
  }

  /**
   * Claims due uploads of these devices (all, or the given ones) for `leaseMs`: each claim is one
   * attempt. Only an instance that has a device configured (its deviceAuth) delivers its uploads.
   */
  async claim(devices: string[], leaseMs: number, limit: number, ids?: string[]): Promise<UploadRow[]> {
    if (devices.length === 0) return [];
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count]
    const [rows]: [UploadRow[], number] = await this.dataSource.query(
      `UPDATE "${SCHEMA}".uploads SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $1::float8 / 1000)
       WHERE id IN (
         SELECT id FROM "${SCHEMA}".uploads
         WHERE status = 'pending' AND next_attempt_at <= now() AND device = ANY($4::text[]) AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[]))
         ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED
       ) RETURNING *`,
      [leaseMs, limit, ids ?? null, devices],
    );
    return rows;
  }

  async settle(id: string, status: Exclude<UploadStatus, 'pending'>, httpStatus: number, detail: { answer?: unknown; error?: string }): Promise<void> {
    await this.dataSource.query(
      `UPDATE "${SCHEMA}".uploads SET status = $2, last_status = $3, answer = $4, last_error = $5, settled_at = now() WHERE id = $1`,
      [id, status, httpStatus, JSON.stringify(detail.answer ?? null), detail.error ?? null],
    );
  }

  /** The payload changed by the bridge (an unmapped test name moved aside), due again at once. */
  async replacePayload(id: string, payload: DeviceUpload, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE "${SCHEMA}".uploads SET payload = $2, last_error = $3, next_attempt_at = now() WHERE id = $1`,
      [id, JSON.stringify(payload), reason],
    );
  }

  async setRoute(id: string, route: UploadRoute): Promise<void> {
    await this.dataSource.query(`UPDATE "${SCHEMA}".uploads SET route = $2 WHERE id = $1`, [id, JSON.stringify(route)]);
  }

  async retryLater(id: string, httpStatus: number | null, error: string, delayMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE "${SCHEMA}".uploads SET last_status = $2, last_error = $3, next_attempt_at = now() + make_interval(secs => $4::float8 / 1000) WHERE id = $1`,
      [id, httpStatus, error, delayMs],
    );
  }

  async find(ids: string[]): Promise<UploadRow[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(`SELECT * FROM "${SCHEMA}".uploads WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Refused and dead-lettered uploads (newest first), with the size of their message's raw bytes. */
  async letters(devices: string[] | null, limit: number): Promise<(UploadRow & { raw_bytes: number })[]> {
    return this.dataSource.query(
      `SELECT u.*, octet_length(m.raw) AS raw_bytes FROM "${SCHEMA}".uploads u JOIN "${SCHEMA}".instrument_messages m ON m.id = u.message_id
       WHERE u.status IN ('refused', 'dead') AND ($1::text[] IS NULL OR u.device = ANY($1::text[])) ORDER BY u.created_at DESC LIMIT $2`,
      [devices, limit],
    );
  }

  /**
   * Refused or dead-lettered uploads back to pending (after the lab fixed the cause: a mapping, a
   * registration, a token): tried at once, their route decided again from the current work order.
   */
  async requeue(ids: string[] | null, devices: string[] | null): Promise<string[]> {
    const [rows]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE "${SCHEMA}".uploads SET status = 'pending', attempts = 0, next_attempt_at = now(), settled_at = NULL, route = NULL
       WHERE status IN ('refused', 'dead') AND ($1::uuid[] IS NULL OR id = ANY($1::uuid[])) AND ($2::text[] IS NULL OR device = ANY($2::text[])) RETURNING id`,
      [ids, devices],
    );
    return rows.map((r) => r.id);
  }
}
