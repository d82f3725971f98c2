import { AppliedRange, OrderPatient } from '@labflow/contracts';
import { AdministrativeGender } from '../mapping/fhir-types';
import {
  DeviceState, LabReportState, ObservationChange, ObservationState, OrderState, ParameterState, PatientState, SpecimenState,
} from '../mapping/read-model';

/** Rows of the projection tables and their read-model shapes (the one place that knows both). */
export const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export interface PatientRow { patient_id: string; name: string; birth_date: string | null; gender: string }
export const toPatientState = (r: PatientRow): PatientState => ({
  patientId: r.patient_id, name: r.name, birthDate: r.birth_date, gender: r.gender as AdministrativeGender,
});

export interface LabReportRow {
  lab_report_id: number; bill_id: number; patient_id: string; test_id: number; test_name: string; sample_id: string;
  specimen_id: string | null; registered_at: Date; collected_at: Date | null; issued_at: Date | null; test_flags: string[];
  signed: boolean; cancelled: boolean;
}
export const toLabReportState = (r: LabReportRow): LabReportState => ({
  labReportId: r.lab_report_id, billId: r.bill_id, patientId: r.patient_id, testId: r.test_id, testName: r.test_name,
  sampleId: r.sample_id, specimenId: r.specimen_id, registeredAt: iso(r.registered_at)!, collectedAt: iso(r.collected_at),
  issuedAt: iso(r.issued_at), testFlags: r.test_flags, signed: r.signed, cancelled: r.cancelled,
});

export interface ObservationRow {
  lab_report_id: number; idx: number; value: string; numeric_value: number | null; abnormal: boolean; critical: boolean;
  param_flags: string[]; interpretation: string[]; reference_range: AppliedRange | null; device_id: number | null;
  replaced_value: string | null; change: string; source_at: Date;
}
export const toObservationState = (r: ObservationRow): ObservationState => ({
  labReportId: r.lab_report_id, index: r.idx, value: r.value, numericValue: r.numeric_value, abnormal: r.abnormal,
  critical: r.critical, paramFlags: r.param_flags, interpretation: r.interpretation, referenceRange: r.reference_range,
  deviceId: r.device_id, replacedValue: r.replaced_value, change: r.change as ObservationChange, issuedAt: iso(r.source_at)!,
});

export interface SpecimenRow {
  specimen_id: string; patient_id: string; sample_id: string; collected_at: Date; received_time: Date | null; lab_report_ids: number[];
}
export const toSpecimenState = (r: SpecimenRow): SpecimenState => ({
  specimenId: r.specimen_id, patientId: r.patient_id, sampleId: r.sample_id, collectedAt: iso(r.collected_at)!,
  receivedTime: iso(r.received_time), labReportIds: r.lab_report_ids,
});

export interface OrderRow {
  order_id: string; transaction_id: string; origin: 'initial' | 'redraw'; parent_id: string | null; performing_lab: string;
  biomarkers: string[]; status: string; transaction_status: OrderState['transactionStatus']; created_at: Date; updated_at: Date;
  patient: OrderPatient | null;
}
export const toOrderState = (r: OrderRow): OrderState => ({
  orderId: r.order_id, transactionId: r.transaction_id, origin: r.origin, parentId: r.parent_id, performingLab: r.performing_lab,
  biomarkers: r.biomarkers, status: r.status, transactionStatus: r.transaction_status, createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!, patient: r.patient,
});

export interface DeviceRow { device_id: number; name: string }
export const toDeviceState = (r: DeviceRow): DeviceState => ({ deviceId: r.device_id, name: r.name });

export interface TestRow { test_id: number; parameters: ParameterState[] }
