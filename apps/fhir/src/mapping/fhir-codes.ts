/**
 * Systems and canonical URLs of LabFlow's FHIR resources. The namespace is LabFlow's own (a canonical
 * name, not where a server runs); code systems of HL7 are named by their official URLs.
 */
export const LABFLOW_NS = 'https://labflow.dev/fhir';

export const SYSTEMS = {
  patient: `${LABFLOW_NS}/sid/patient`,
  labReport: `${LABFLOW_NS}/sid/lab-report`,
  sample: `${LABFLOW_NS}/sid/sample`,
  device: `${LABFLOW_NS}/sid/device`,
  order: `${LABFLOW_NS}/sid/order`,
  /** seed 004: the order transaction groups an initial order and its redraw: the requisition. */
  orderTransaction: `${LABFLOW_NS}/sid/order-transaction`,
  /** A bill's tests are requested together: the bill is their requisition. */
  bill: `${LABFLOW_NS}/sid/bill`,
  test: `${LABFLOW_NS}/CodeSystem/test`,
  parameter: `${LABFLOW_NS}/CodeSystem/report-parameter`,
  biomarker: `${LABFLOW_NS}/CodeSystem/biomarker`,
  ucum: 'http://unitsofmeasure.org',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  diagnosticServiceSection: 'http://terminology.hl7.org/CodeSystem/v2-0074',
  referenceRangeMeaning: 'http://terminology.hl7.org/CodeSystem/referencerange-meaning',
  administrativeGender: 'http://hl7.org/fhir/administrative-gender',
} as const;

export const EXTENSIONS = {
  /** seed 002: a raw analyzer flag exactly as sent (param_flags on an Observation, test_flags on a DiagnosticReport). */
  machineFlag: `${LABFLOW_NS}/StructureDefinition/machine-flag`,
  /** The value is outside the lab's critical range (a critical value to call out). */
  criticalValue: `${LABFLOW_NS}/StructureDefinition/critical-value`,
  /** seed 000 §4: the value a confirmed rerun replaced. */
  replacedValue: `${LABFLOW_NS}/StructureDefinition/replaced-value`,
} as const;
