import { SpecimenStatus, SpecimenView } from '@labflow/contracts';
import { Queryable } from '@labflow/platform/kafka';
import { SCHEMA } from '../migrations';

export interface SpecimenRow {
  id: string;
  lab_id: number;
  patient_id: string;
  bill_id: number;
  sample_id: string;
  status: SpecimenStatus;
  collected_at: Date;
  received_time: Date | null;
  created_at: Date;
  updated_at: Date;
  updated_by: string | null;
}

export interface NewSpecimen {
  id: string;
  labId: number;
  patientId: string;
  billId: number;
  sampleId: string;
  collectedAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The only code that touches the specimens table, in one session. Every query is scoped by lab (and patient).
 * TypeORM's postgres `query()` answers an UPDATE … RETURNING with `[rows, affected]`.
 */
export class SpecimenRepository {
  constructor(private readonly db: Queryable) {}

  /** A redelivered registration (or a specimen id already known) leaves the stored specimen as it is. */
  async insertAvailable(specimen: NewSpecimen): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO "${SCHEMA}".specimens (id, lab_id, patient_id, bill_id, sample_id, status, collected_at)
       VALUES ($1, $2, $3, $4, $5, 'available', $6) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [specimen.id, specimen.labId, specimen.patientId, specimen.billId, specimen.sampleId, specimen.collectedAt],
    );
    return rows.length === 1;
  }

  /** The patient's specimen in the lab; null when either id is unknown, malformed, or another lab's. */
  async find(labId: number, patientId: string, id: string, forUpdate = false): Promise<SpecimenRow | null> {
    if (!UUID.test(patientId) || !UUID.test(id)) return null;
    const rows: SpecimenRow[] = await this.db.query(
      `SELECT * FROM "${SCHEMA}".specimens WHERE lab_id = $1 AND patient_id = $2 AND id = $3${forUpdate ? ' FOR UPDATE' : ''}`,
      [labId, patientId, id],
    );
    return rows[0] ?? null;
  }

  async setStatus(labId: number, id: string, status: SpecimenStatus, updatedBy: string): Promise<SpecimenRow> {
    const [rows]: [SpecimenRow[], number] = await this.db.query(
      `UPDATE "${SCHEMA}".specimens SET status = $3, updated_at = now(), updated_by = $4
       WHERE lab_id = $1 AND id = $2 RETURNING *`,
      [labId, id, status, updatedBy],
    );
    return rows[0];
  }

  /**
   * seed 003: received_time is set once. The condition is in the UPDATE itself, so of two concurrent
   * jobs exactly one matches the row; the other sees no row and reports why.
   */
  async setReceivedTimeOnce(labId: number, id: string, receivedTime: Date, updatedBy: string): Promise<SpecimenRow | null> {
    const [rows]: [SpecimenRow[], number] = await this.db.query(
      `UPDATE "${SCHEMA}".specimens SET received_time = $3, updated_at = now(), updated_by = $4
       WHERE lab_id = $1 AND id = $2 AND received_time IS NULL AND status = 'available'
         AND collected_at <= $3 AND $3 <= now()
       RETURNING *`,
      [labId, id, receivedTime, updatedBy],
    );
    return rows[0] ?? null;
  }
}

export function toSpecimenView(row: SpecimenRow): SpecimenView {
  return {
    id: row.id,
    patient_id: row.patient_id,
    sample_id: row.sample_id,
    bill_id: row.bill_id,
    status: row.status,
    collected_time: row.collected_at.toISOString(),
    received_time: row.received_time ? row.received_time.toISOString() : null,
    inserted_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    updated_by: row.updated_by,
  };
}
