import { AppliedRange, OrderPatient } from '@labflow/contracts';
import { AdministrativeGender } from './fhir-types';

/**
 * What the FHIR read model keeps of LabFlow's events (one lab's rows); the mappers turn it into
 * resources. The same shapes can be built from the events alone (docs/fhir.md: push).
 */
export interface PatientState {
  patientId: string;
  name: string;
  birthDate: string | null;
  gender: AdministrativeGender;
}

export interface ParameterState { index: number; name: string; unit: string | null; calculated: boolean }

export interface LabReportState {
  labReportId: number;
  billId: number;
  patientId: string;
  testId: number;
  testName: string;
  sampleId: string;
  specimenId: string | null;
  registeredAt: string;
  collectedAt: string | null;
  /** When values were last stored (DiagnosticReport.issued). */
  issuedAt: string | null;
  /** seed 002: report-level machine flags of the latest upload. */
  testFlags: string[];
  /** No sign-off or report cancellation event exists yet; these stay false until one does. */
  signed: boolean;
  cancelled: boolean;
}

/** `corrected`: a confirmed rerun changed the value; `amended`: a confirmed rerun gave a value where there was none. */
export type ObservationChange = 'none' | 'corrected' | 'amended';

export interface ObservationState {
  labReportId: number;
  index: number;
  value: string;
  numericValue: number | null;
  abnormal: boolean;
  critical: boolean;
  paramFlags: string[];
  /** HL7 Table 0078 codes normalized from paramFlags ('' for a flag without one). */
  interpretation: string[];
  referenceRange: AppliedRange | null;
  deviceId: number | null;
  replacedValue: string | null;
  change: ObservationChange;
  issuedAt: string;
}

export interface SpecimenState {
  specimenId: string;
  patientId: string;
  sampleId: string;
  collectedAt: string;
  receivedTime: string | null;
  labReportIds: number[];
}

export interface DeviceState { deviceId: number; name: string }

export interface OrderState {
  orderId: string;
  transactionId: string;
  origin: 'initial' | 'redraw';
  parentId: string | null;
  performingLab: string;
  biomarkers: string[];
  status: string;
  transactionStatus: 'active' | 'completed' | 'cancelled';
  createdAt: string;
  updatedAt: string;
  patient: OrderPatient | null;
}
