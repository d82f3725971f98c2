import { LabReportState, ObservationState, ParameterState } from './read-model';

/** Read-model rows for the mapper specs: a CBC of an adult woman (test 12, lab report 501). */
export function labReport(overrides: Partial<LabReportState> = {}): LabReportState {
  return {
    labReportId: 501, billId: 77, patientId: '7075e0e2-6b57-47fd-aff7-324806efa7e5', testId: 12, testName: 'CBC',
    sampleId: 'S1', specimenId: 'aff00bf6-68bf-4b49-b66d-f031d48922b3', registeredAt: '2026-05-25T07:55:00.000Z',
    collectedAt: '2026-05-25T08:00:00.000Z', issuedAt: '2026-05-25T09:00:00.000Z', testFlags: [], signed: false, cancelled: false,
    ...overrides,
  };
}

export function observation(overrides: Partial<ObservationState> = {}): ObservationState {
  return {
    labReportId: 501, index: 4, value: '110.12', numericValue: 110.12, abnormal: true, critical: true,
    paramFlags: ['P1', 'H~N'], interpretation: ['', 'H'],
    referenceRange: { lower: 12, upper: 15.5, criticalLower: 7, criticalUpper: 100, ageBand: { gender: 'female', ageFrom: 18, ageTo: 120, ageUnit: 'years' } },
    deviceId: 9, replacedValue: null, change: 'none', issuedAt: '2026-05-25T09:00:00.000Z',
    ...overrides,
  };
}

export const PARAMETERS: ParameterState[] = [
  { index: 4, name: 'Haemoglobin', unit: 'g/dL', calculated: false },
  { index: 5, name: 'RBC', unit: 'mill/cumm', calculated: false },
  { index: 6, name: 'MCH', unit: 'pg', calculated: true },
];
