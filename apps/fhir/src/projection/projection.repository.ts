import { Queryable } from '@labflow/platform/kafka';
import { BillRegistered, OrderCreated, OrderUpdated, ReportFormatSaved, ReportValuesUpdated, SpecimenReceived } from '@labflow/contracts';
import { ObservationState } from '../mapping/read-model';
import { SCHEMA } from '../migrations';
import { ObservationRow, toObservationState } from './rows';

const S = `"${SCHEMA}"`;

/**
 * The only code writing the FHIR projection; every statement takes the lab. Events of one aggregate
 * may arrive on several topics in any order, so each write is an upsert that keeps what a later event
 * knows better (values: the newest source time wins; a received time is set once).
 */
export class ProjectionRepository {
  constructor(private readonly m: Queryable) {}

  async saveBill(e: BillRegistered): Promise<void> {
    const p = e.patient;
    await this.m.query(
      `INSERT INTO ${S}.patients (lab_id, patient_id, name, birth_date, gender) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (lab_id, patient_id) DO UPDATE SET name = EXCLUDED.name, birth_date = EXCLUDED.birth_date, gender = EXCLUDED.gender`,
      [e.labId, p.patientId, p.name, p.dateOfBirth, p.gender],
    );
    for (const s of e.samples) {
      await this.m.query(
        `INSERT INTO ${S}.specimens (lab_id, specimen_id, patient_id, sample_id, collected_at, lab_report_ids) VALUES ($1,$2,$3,$4,$5,$6)
         ON CONFLICT (lab_id, specimen_id) DO UPDATE SET lab_report_ids = EXCLUDED.lab_report_ids`,
        [e.labId, s.specimenId, p.patientId, s.sampleId, s.collectedAt, JSON.stringify(s.labReportIds)],
      );
    }
    for (const r of e.labReports) {
      const sample = e.samples.find((s) => s.sampleId === r.sampleId) ?? null;
      await this.m.query(
        `INSERT INTO ${S}.lab_reports (lab_id, lab_report_id, bill_id, patient_id, test_id, test_name, sample_id, specimen_id, registered_at, collected_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
         ON CONFLICT (lab_id, lab_report_id) DO UPDATE SET test_name = EXCLUDED.test_name, specimen_id = EXCLUDED.specimen_id,
           registered_at = EXCLUDED.registered_at, collected_at = EXCLUDED.collected_at`,
        [e.labId, r.labReportId, e.billId, p.patientId, r.testId, r.testName, r.sampleId, sample?.specimenId ?? null, e.registeredAt, sample?.collectedAt ?? null],
      );
    }
  }

  /** Applied values only (a signed report's parked values are not results). */
  async saveValues(e: ReportValuesUpdated): Promise<void> {
    await this.m.query(
      `INSERT INTO ${S}.lab_reports (lab_id, lab_report_id, bill_id, patient_id, test_id, test_name, sample_id, registered_at, issued_at, test_flags)
       VALUES ($1,$2,$3,$4,$5,'',$6,$7,$7,$8)
       ON CONFLICT (lab_id, lab_report_id) DO UPDATE SET
         issued_at = GREATEST(${S}.lab_reports.issued_at, EXCLUDED.issued_at),
         test_flags = CASE WHEN ${S}.lab_reports.issued_at IS NULL OR ${S}.lab_reports.issued_at <= EXCLUDED.issued_at
                           THEN EXCLUDED.test_flags ELSE ${S}.lab_reports.test_flags END`,
      [e.labId, e.labReportId, e.billId, e.patientId, e.testId, e.sampleId, e.updatedAt, JSON.stringify(e.documentReport ? e.testFlags : [])],
    );
    for (const v of e.values) {
      await this.m.query(
        `INSERT INTO ${S}.observations (lab_id, lab_report_id, idx, value, numeric_value, abnormal, critical, param_flags, interpretation, reference_range, device_id, source_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)
         ON CONFLICT (lab_id, lab_report_id, idx) DO UPDATE SET value = EXCLUDED.value, numeric_value = EXCLUDED.numeric_value,
           abnormal = EXCLUDED.abnormal, critical = EXCLUDED.critical, param_flags = EXCLUDED.param_flags,
           interpretation = EXCLUDED.interpretation, reference_range = EXCLUDED.reference_range, device_id = EXCLUDED.device_id,
           source_at = EXCLUDED.source_at
         WHERE ${S}.observations.source_at <= EXCLUDED.source_at`,
        [e.labId, e.labReportId, v.index, v.value, v.numericValue ?? null, v.abnormal, v.critical, JSON.stringify(v.paramFlags),
          JSON.stringify(v.interpretation), v.referenceRange ? JSON.stringify(v.referenceRange) : null, e.deviceId ?? null, e.updatedAt],
      );
    }
  }

  async observationsForUpdate(labId: number, labReportId: number): Promise<Map<number, ObservationState>> {
    const rows: ObservationRow[] = await this.m.query(
      `SELECT * FROM ${S}.observations WHERE lab_id = $1 AND lab_report_id = $2 FOR UPDATE`, [labId, labReportId],
    );
    return new Map(rows.map((r) => [r.idx, toObservationState(r)]));
  }

  /** A rerun's corrections; a value stored later than the confirmation (a new upload) is kept. */
  async saveCorrections(labId: number, corrections: ObservationState[]): Promise<void> {
    for (const o of corrections) {
      await this.m.query(
        `INSERT INTO ${S}.observations (lab_id, lab_report_id, idx, value, numeric_value, abnormal, critical, param_flags, interpretation,
           reference_range, device_id, replaced_value, change, source_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,'[]','[]',$8,$9,$10,$11,$12)
         ON CONFLICT (lab_id, lab_report_id, idx) DO UPDATE SET value = EXCLUDED.value, numeric_value = EXCLUDED.numeric_value,
           abnormal = EXCLUDED.abnormal, critical = EXCLUDED.critical, param_flags = '[]', interpretation = '[]',
           device_id = EXCLUDED.device_id, replaced_value = EXCLUDED.replaced_value, change = EXCLUDED.change, source_at = EXCLUDED.source_at
         WHERE ${S}.observations.source_at <= EXCLUDED.source_at`,
        [labId, o.labReportId, o.index, o.value, o.numericValue, o.abnormal, o.critical,
          o.referenceRange ? JSON.stringify(o.referenceRange) : null, o.deviceId, o.replacedValue, o.change, o.issuedAt],
      );
      await this.m.query(
        `UPDATE ${S}.lab_reports SET issued_at = GREATEST(issued_at, $3) WHERE lab_id = $1 AND lab_report_id = $2`, [labId, o.labReportId, o.issuedAt],
      );
    }
  }

  async saveReceived(e: SpecimenReceived): Promise<void> {
    await this.m.query(
      `INSERT INTO ${S}.specimens (lab_id, specimen_id, patient_id, sample_id, collected_at, received_time) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (lab_id, specimen_id) DO UPDATE SET received_time = COALESCE(${S}.specimens.received_time, EXCLUDED.received_time)`,
      [e.labId, e.specimenId, e.patientId, e.sampleId, e.collectedAt, e.receivedTime],
    );
  }

  /** The highest revision of a test's format wins (ReportFormatSaved.revision). */
  async saveFormat(e: ReportFormatSaved): Promise<void> {
    const parameters = e.parameters.map((p) => ({ index: p.index, name: p.name, unit: p.unit ?? null, calculated: p.calculated }));
    await this.m.query(
      `INSERT INTO ${S}.tests (lab_id, test_id, revision, parameters) VALUES ($1,$2,$3,$4)
       ON CONFLICT (lab_id, test_id) DO UPDATE SET revision = EXCLUDED.revision, parameters = EXCLUDED.parameters
       WHERE ${S}.tests.revision < EXCLUDED.revision`,
      [e.labId, e.testId, e.revision, JSON.stringify(parameters)],
    );
  }

  async saveDevice(labId: number, deviceId: number, name: string): Promise<void> {
    await this.m.query(
      `INSERT INTO ${S}.devices (lab_id, device_id, name) VALUES ($1,$2,$3) ON CONFLICT (lab_id, device_id) DO UPDATE SET name = EXCLUDED.name`,
      [labId, deviceId, name],
    );
  }

  async saveOrderCreated(e: OrderCreated): Promise<void> {
    await this.m.query(
      `INSERT INTO ${S}.orders (lab_id, order_id, transaction_id, origin, parent_id, performing_lab, biomarkers, status, transaction_status, sequence, created_at, updated_at, patient)
       VALUES ($1,$2,$3,$4,$5,$6,$7,'ordered','active',$8,$9,$9,$10)
       ON CONFLICT (lab_id, order_id) DO UPDATE SET origin = EXCLUDED.origin, parent_id = EXCLUDED.parent_id,
         performing_lab = EXCLUDED.performing_lab, biomarkers = EXCLUDED.biomarkers, created_at = EXCLUDED.created_at, patient = EXCLUDED.patient`,
      [e.labId, e.orderId, e.orderTransactionId, e.origin, e.parentId ?? null, e.performingLab, JSON.stringify(e.biomarkers), e.sequence,
        e.createdAt, e.patient ? JSON.stringify(e.patient) : null],
    );
  }

  /** seed 004: webhooks (and these events) have no ordering guarantee; the order's sequence decides. */
  async saveOrderUpdated(e: OrderUpdated): Promise<void> {
    await this.m.query(
      `INSERT INTO ${S}.orders (lab_id, order_id, transaction_id, origin, performing_lab, biomarkers, status, transaction_status, sequence, created_at, updated_at)
       VALUES ($1,$2,$3,$4,'','[]',$5,$6,$7,$8,$8)
       ON CONFLICT (lab_id, order_id) DO UPDATE SET status = EXCLUDED.status, transaction_status = EXCLUDED.transaction_status,
         sequence = EXCLUDED.sequence, updated_at = EXCLUDED.updated_at
       WHERE ${S}.orders.sequence < EXCLUDED.sequence`,
      [e.labId, e.orderId, e.orderTransactionId, e.origin, e.status, e.transactionStatus, e.sequence, e.updatedAt],
    );
  }
}
