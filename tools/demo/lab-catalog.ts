import type { ApiSchema } from '../api-client';
/**
 * What the demo lab runs: a CBC on the haematology analyzer and a chemistry panel on the chemistry
 * analyzer, as report formats (seed 002) with reference, critical and auto-rerun rules (seed 000 §6).
 */
export interface Parameter {
  index: number;
  name: string;
  /** The analyzer's code for it (the device mapping's testName). */
  code: string;
}

export const CBC_PARAMETERS: Parameter[] = [
  { index: 1, name: 'WBC Count', code: 'WBC' },
  { index: 4, name: 'Haemoglobin', code: 'HGB' },
  { index: 5, name: 'RBC', code: 'RBC' },
  { index: 7, name: 'Platelets', code: 'PLT' },
];

export const CHEMISTRY_PARAMETERS: Parameter[] = [
  { index: 1, name: 'Glucose', code: 'GLU' },
  { index: 2, name: 'Potassium', code: 'K' },
  { index: 3, name: 'Sodium', code: 'NA' },
  { index: 4, name: 'Creatinine', code: 'CREA' },
];

export function cbcFormat(): ApiSchema<'ReportFormatBody'> {
  return {
    testData: { addFlag: 0, testID: 10268009, test: { testName: 'Complete Blood Count', test_type: 'Normal', enable_device_flags: true, department: 3 } },
    reportData: [
      { index: 1, name: 'WBC Count', unit: '10^3/uL', lower: 4, upper: 11, reference_text: '4 - 11', critical_lower: 2, critical_upper: 30 },
      // a critical haemoglobin is rerun automatically before anyone acts on it
      { index: 4, name: 'Haemoglobin', unit: 'g/dL', lower: 12, upper: 16, reference_text: '12 - 16', critical_lower: 7, critical_upper: 20, auto_rerun_allowed: true, auto_rerun_condition: 'critical' },
      { index: 5, name: 'RBC', unit: 'mill/cumm', lower: 4.5, upper: 5.5, reference_text: '4.5 - 5.5', critical_lower: 2, critical_upper: 8 },
      { index: 6, name: 'MCH', unit: 'pg', lower: 27, upper: 32, reference_text: '27 - 32' },
      { index: 7, name: 'Platelets', unit: '10^3/uL', lower: 150, upper: 400, reference_text: '150 - 400', critical_lower: 20, critical_upper: 1000 },
    ],
    ageRangeData: [
      { index: 4, gender: 'any', age_from: 0, age_to: 18, age_unit: 'years', lower: 11, upper: 14, critical_lower: 6, critical_upper: 18 },
    ],
    calculations: [{ index: 6, expression: '({4} * 10) / {5}', decimals: 1 }],
    addTestToChildLabsData: { childLabIds: [] },
  };
}

export function chemistryFormat(): ApiSchema<'ReportFormatBody'> {
  return {
    testData: { addFlag: 0, testID: 10268120, test: { testName: 'Basic Metabolic Panel', test_type: 'Normal', enable_device_flags: true, department: 5 } },
    reportData: [
      { index: 1, name: 'Glucose', unit: 'mg/dL', lower: 70, upper: 110, reference_text: '70 - 110', critical_lower: 40, critical_upper: 450 },
      // potassium outside the reference range is rerun automatically (haemolysis is common)
      { index: 2, name: 'Potassium', unit: 'mmol/L', lower: 3.5, upper: 5.1, reference_text: '3.5 - 5.1', critical_lower: 2.5, critical_upper: 6.5, auto_rerun_allowed: true, auto_rerun_condition: 'abnormal' },
      { index: 3, name: 'Sodium', unit: 'mmol/L', lower: 135, upper: 145, reference_text: '135 - 145', critical_lower: 120, critical_upper: 160 },
      { index: 4, name: 'Creatinine', unit: 'mg/dL', lower: 0.6, upper: 1.2, reference_text: '0.6 - 1.2', critical_upper: 10 },
    ],
    ageRangeData: [],
    calculations: [],
    addTestToChildLabsData: { childLabIds: [] },
  };
}

export interface MorningPatient {
  name: string;
  dateOfBirth: string;
  gender: 'female' | 'male';
  /** Analyzer readings by code; param flags are the analyzer's own (H, L, HH, LL). */
  cbc: Record<string, number>;
  chemistry: Record<string, number>;
}

/** Eight outpatients: most normal, some abnormal, three critical (two of them rerun automatically). */
export const PATIENTS: MorningPatient[] = [
  { name: 'Asha Rao', dateOfBirth: '1984-02-29', gender: 'female', cbc: { WBC: 6.2, HGB: 13.1, RBC: 4.7, PLT: 260 }, chemistry: { GLU: 92, K: 4.2, NA: 140, CREA: 0.8 } },
  { name: 'Ravi Kumar', dateOfBirth: '1961-07-12', gender: 'male', cbc: { WBC: 12.8, HGB: 14.9, RBC: 5.1, PLT: 310 }, chemistry: { GLU: 168, K: 4.8, NA: 138, CREA: 1.1 } },
  { name: 'Meera Iyer', dateOfBirth: '1992-11-03', gender: 'female', cbc: { WBC: 5.1, HGB: 6.4, RBC: 2.9, PLT: 180 }, chemistry: { GLU: 85, K: 3.9, NA: 137, CREA: 0.7 } },
  { name: 'John Dsouza', dateOfBirth: '1975-01-20', gender: 'male', cbc: { WBC: 7.4, HGB: 15.2, RBC: 5.3, PLT: 140 }, chemistry: { GLU: 101, K: 5.6, NA: 141, CREA: 1.4 } },
  { name: 'Fatima Sheikh', dateOfBirth: '2012-05-09', gender: 'female', cbc: { WBC: 9.9, HGB: 12.2, RBC: 4.6, PLT: 390 }, chemistry: { GLU: 78, K: 4.0, NA: 139, CREA: 0.5 } },
  { name: 'Arjun Nair', dateOfBirth: '1949-09-30', gender: 'male', cbc: { WBC: 3.1, HGB: 11.5, RBC: 4.1, PLT: 95 }, chemistry: { GLU: 36, K: 4.4, NA: 133, CREA: 2.3 } },
  { name: 'Lakshmi Menon', dateOfBirth: '1988-03-14', gender: 'female', cbc: { WBC: 8.1, HGB: 12.9, RBC: 4.5, PLT: 220 }, chemistry: { GLU: 99, K: 7.1, NA: 136, CREA: 0.9 } },
  { name: 'Tom Baker', dateOfBirth: '1969-12-01', gender: 'male', cbc: { WBC: 10.2, HGB: 16.4, RBC: 5.6, PLT: 450 }, chemistry: { GLU: 115, K: 4.6, NA: 146, CREA: 1.0 } },
];

/** The analyzer's flag for a reading against the format's ranges (what an instrument prints). */
export function analyzerFlag(value: number, lower?: number, upper?: number, criticalLower?: number, criticalUpper?: number): string[] {
  if (criticalLower !== undefined && value < criticalLower) return ['LL'];
  if (criticalUpper !== undefined && value > criticalUpper) return ['HH'];
  if (lower !== undefined && value < lower) return ['L'];
  if (upper !== undefined && value > upper) return ['H'];
  return [];
}
