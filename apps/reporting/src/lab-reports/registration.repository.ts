import { Queryable } from '@labflow/platform/kafka';
import { SCHEMA } from '../migrations';

/** Writes of a registration: patient, bill, samples, lab reports. Every row carries its lab. */
export class RegistrationRepository {
  constructor(private readonly session: Queryable) {}

  async insertPatient(p: { id: string; labId: number; name: string; dateOfBirth: string; gender: string }): Promise<void> {
    await this.session.query(
      `INSERT INTO "${SCHEMA}".patients (id, lab_id, name, date_of_birth, gender) VALUES ($1,$2,$3,$4,$5)`,
      [p.id, p.labId, p.name, p.dateOfBirth, p.gender],
    );
  }

  async insertBill(b: { labId: number; patientId: string; doctorId: number | null; organizationId: number | null; registeredBy: string }): Promise<{ id: number; createdAt: Date }> {
    const rows: { id: number; created_at: Date }[] = await this.session.query(
      `INSERT INTO "${SCHEMA}".bills (lab_id, patient_id, doctor_id, organization_id, registered_by)
       VALUES ($1,$2,$3,$4,$5) RETURNING id, created_at`,
      [b.labId, b.patientId, b.doctorId, b.organizationId, b.registeredBy],
    );
    return { id: rows[0].id, createdAt: rows[0].created_at };
  }

  /** Sample ids already used in the lab (a sample accession id names one tube in one lab). */
  async existingSampleIds(labId: number, sampleIds: string[]): Promise<string[]> {
    const rows: { sample_id: string }[] = await this.session.query(
      `SELECT sample_id FROM "${SCHEMA}".samples WHERE lab_id = $1 AND sample_id = ANY($2::text[])`,
      [labId, sampleIds],
    );
    return rows.map((r) => r.sample_id);
  }

  async insertSample(s: { labId: number; sampleId: string; billId: number; specimenId: string; collectedAt: string }): Promise<void> {
    await this.session.query(
      `INSERT INTO "${SCHEMA}".samples (lab_id, sample_id, bill_id, specimen_id, collected_at) VALUES ($1,$2,$3,$4,$5)`,
      [s.labId, s.sampleId, s.billId, s.specimenId, s.collectedAt],
    );
  }

  /** seed 001/002 lab report defaults: collected, not dismissed, sampleRedrawFlag 0, criticalValues none. */
  async insertLabReport(r: { labId: number; billId: number; patientId: string; testId: number; sampleId: string; departmentId: number | null }): Promise<number> {
    const rows: { id: number }[] = await this.session.query(
      `INSERT INTO "${SCHEMA}".lab_reports (lab_id, bill_id, patient_id, test_id, sample_id, department_id)
       VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [r.labId, r.billId, r.patientId, r.testId, r.sampleId, r.departmentId],
    );
    return rows[0].id;
  }
}
