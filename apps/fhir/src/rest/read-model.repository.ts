import { Queryable } from '@labflow/platform/kafka';
import {
  DeviceState, LabReportState, ObservationState, OrderState, ParameterState, PatientState, SpecimenState,
} from '../mapping/read-model';
import { SCHEMA } from '../migrations';
import {
  DeviceRow, LabReportRow, ObservationRow, OrderRow, PatientRow, SpecimenRow, TestRow, toDeviceState, toLabReportState,
  toObservationState, toOrderState, toPatientState, toSpecimenState,
} from '../projection/rows';
import { DateBound } from './search-params';

const S = `"${SCHEMA}"`;

export interface Paged<T> { rows: T[]; total: number }
/** The row of a `count(*)::int AS total`. */
interface CountRow { total: number }
export interface Window { offset: number; limit: number }

export interface ReportFilter {
  ids?: number[];
  patientId?: string;
  billId?: number;
  dates?: DateBound[];
  testIds?: number[];
}

export interface ObservationFilter { patientId?: string; codes?: { testId: number; index: number }[]; dates?: DateBound[] }

/** Reads of the FHIR projection. The lab is the first argument of every query: another lab's rows do not exist. */
export class ReadModelRepository {
  constructor(private readonly dataSource: Queryable) {}

  async patient(labId: number, id: string): Promise<PatientState | null> {
    const rows: PatientRow[] = await this.dataSource.query(`SELECT * FROM ${S}.patients WHERE lab_id = $1 AND patient_id = $2`, [labId, id]);
    return rows[0] ? toPatientState(rows[0]) : null;
  }

  async labReports(labId: number, f: ReportFilter, window: Window | null): Promise<Paged<LabReportState>> {
    const where = ['lab_id = $1'];
    const params: unknown[] = [labId];
    const add = (sql: string, value: unknown) => { params.push(value); where.push(sql.replace('?', `$${params.length}`)); };
    if (f.ids) add('lab_report_id = ANY(?::int[])', f.ids);
    if (f.patientId !== undefined) add('patient_id = ?', f.patientId);
    if (f.billId !== undefined) add('bill_id = ?', f.billId);
    if (f.testIds) add('test_id = ANY(?::int[])', f.testIds);
    for (const d of f.dates ?? []) {
      if (d.from) add('COALESCE(collected_at, registered_at) >= ?', d.from);
      if (d.to) add('COALESCE(collected_at, registered_at) < ?', d.to);
    }
    return this.paged<LabReportRow, LabReportState>('lab_reports', where, params, 'COALESCE(collected_at, registered_at) DESC, lab_report_id DESC', window, toLabReportState);
  }

  async observationsOf(labId: number, labReportIds: number[]): Promise<ObservationState[]> {
    if (labReportIds.length === 0) return [];
    const rows: ObservationRow[] = await this.dataSource.query(
      `SELECT * FROM ${S}.observations WHERE lab_id = $1 AND lab_report_id = ANY($2::int[]) ORDER BY lab_report_id, idx`, [labId, labReportIds],
    );
    return rows.map(toObservationState);
  }

  /** Observations of the lab filtered through their report (patient, collection date) and code (test, index). */
  async observations(labId: number, f: ObservationFilter, window: Window): Promise<Paged<ObservationState>> {
    const where = ['o.lab_id = $1'];
    const params: unknown[] = [labId];
    const add = (sql: string, value: unknown) => { params.push(value); where.push(sql.replace('?', `$${params.length}`)); };
    if (f.patientId !== undefined) add('r.patient_id = ?', f.patientId);
    if (f.codes) {
      params.push(f.codes.map((c) => c.testId), f.codes.map((c) => c.index));
      where.push(`(r.test_id, o.idx) IN (SELECT * FROM unnest($${params.length - 1}::int[], $${params.length}::int[]))`);
    }
    for (const d of f.dates ?? []) {
      if (d.from) add('COALESCE(r.collected_at, r.registered_at) >= ?', d.from);
      if (d.to) add('COALESCE(r.collected_at, r.registered_at) < ?', d.to);
    }
    const from = `${S}.observations o JOIN ${S}.lab_reports r ON r.lab_id = o.lab_id AND r.lab_report_id = o.lab_report_id WHERE ${where.join(' AND ')}`;
    const [{ total }]: CountRow[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM ${from}`, params);
    const rows: ObservationRow[] = await this.dataSource.query(
      `SELECT o.* FROM ${from} ORDER BY COALESCE(r.collected_at, r.registered_at) DESC, o.lab_report_id DESC, o.idx
       OFFSET $${params.length + 1} LIMIT $${params.length + 2}`, [...params, window.offset, window.limit],
    );
    return { rows: rows.map(toObservationState), total };
  }

  async parameters(labId: number, testIds: number[]): Promise<Map<number, ParameterState[]>> {
    if (testIds.length === 0) return new Map();
    const rows: TestRow[] = await this.dataSource.query(
      `SELECT test_id, parameters FROM ${S}.tests WHERE lab_id = $1 AND test_id = ANY($2::int[])`, [labId, [...new Set(testIds)]],
    );
    return new Map(rows.map((r) => [r.test_id, r.parameters]));
  }

  async specimens(labId: number, f: { id?: string; patientId?: string }, window: Window | null): Promise<Paged<SpecimenState>> {
    const where = ['lab_id = $1'];
    const params: unknown[] = [labId];
    if (f.id !== undefined) { params.push(f.id); where.push(`specimen_id = $${params.length}`); }
    if (f.patientId !== undefined) { params.push(f.patientId); where.push(`patient_id = $${params.length}`); }
    return this.paged<SpecimenRow, SpecimenState>('specimens', where, params, 'collected_at DESC, specimen_id', window, toSpecimenState);
  }

  async device(labId: number, deviceId: number): Promise<DeviceState | null> {
    const rows: DeviceRow[] = await this.dataSource.query(`SELECT device_id, name FROM ${S}.devices WHERE lab_id = $1 AND device_id = $2`, [labId, deviceId]);
    return rows[0] ? toDeviceState(rows[0]) : null;
  }

  async orders(labId: number, f: { orderId?: string; transactionId?: string }, window: Window | null): Promise<Paged<OrderState>> {
    const where = ['lab_id = $1'];
    const params: unknown[] = [labId];
    if (f.orderId !== undefined) { params.push(f.orderId); where.push(`order_id = $${params.length}`); }
    if (f.transactionId !== undefined) { params.push(f.transactionId); where.push(`transaction_id = $${params.length}`); }
    return this.paged<OrderRow, OrderState>('orders', where, params, 'created_at, order_id', window, toOrderState);
  }

  private async paged<Row, T>(table: string, where: string[], params: unknown[], order: string, window: Window | null, map: (r: Row) => T): Promise<Paged<T>> {
    const from = `${S}.${table} WHERE ${where.join(' AND ')}`;
    const limit = window ? ` OFFSET $${params.length + 1} LIMIT $${params.length + 2}` : '';
    const rows: Row[] = await this.dataSource.query(`SELECT * FROM ${from} ORDER BY ${order}${limit}`, window ? [...params, window.offset, window.limit] : params);
    if (!window) return { rows: rows.map(map), total: rows.length };
    const [{ total }]: CountRow[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM ${from}`, params);
    return { rows: rows.map(map), total };
  }
}
