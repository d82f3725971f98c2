import { Extension, FhirResource } from './fhir-types';
import { EXTENSIONS, SYSTEMS } from './fhir-codes';
import { interpretationCodes, interpretationConcepts, machineFlagExtensions } from './interpretation';
import { LabReportState, ObservationState, ParameterState } from './read-model';
import { quantity, referenceRanges } from './reference-range';
import { observationStatus } from './report-status';

export const observationId = (labReportId: number, index: number): string => `${labReportId}-${index}`;
export const parameterCode = (testId: number, index: number): string => `${testId}-${index}`;

/** One parameter of a lab report as an Observation (docs/fhir.md, Observation table). */
export function toObservation(o: ObservationState, report: LabReportState, parameter: ParameterState | null): FhirResource {
  const name = parameter?.name ?? `Parameter ${o.index}`;
  const unit = parameter?.unit ?? null;
  const extension: Extension[] = [...machineFlagExtensions(o.paramFlags)];
  if (o.critical) extension.push({ url: EXTENSIONS.criticalValue, valueBoolean: true });
  if (o.replacedValue !== null) extension.push({ url: EXTENSIONS.replacedValue, valueString: o.replacedValue });
  const interpretation = interpretationConcepts(interpretationCodes(o));
  const ranges = referenceRanges(o.referenceRange, unit);
  return {
    resourceType: 'Observation',
    id: observationId(o.labReportId, o.index),
    meta: { lastUpdated: o.issuedAt },
    ...(extension.length ? { extension } : {}),
    identifier: [{ system: SYSTEMS.labReport, value: observationId(o.labReportId, o.index) }],
    basedOn: [{ reference: `ServiceRequest/${billRequestId(report.labReportId)}` }],
    status: observationStatus(report, o.change),
    category: [{ coding: [{ system: SYSTEMS.observationCategory, code: 'laboratory', display: 'Laboratory' }] }],
    code: { coding: [{ system: SYSTEMS.parameter, code: parameterCode(report.testId, o.index), display: name }], text: name },
    subject: { reference: `Patient/${report.patientId}` },
    effectiveDateTime: report.collectedAt ?? report.registeredAt,
    issued: o.issuedAt,
    ...(o.numericValue !== null ? { valueQuantity: quantity(o.numericValue, unit) } : { valueString: o.value }),
    ...(interpretation.length ? { interpretation } : {}),
    ...(report.specimenId ? { specimen: { reference: `Specimen/${report.specimenId}` } } : {}),
    // a calculated parameter was computed by LabFlow, not measured by the analyzer
    ...(o.deviceId !== null && !parameter?.calculated ? { device: { reference: `Device/${o.deviceId}` } } : {}),
    ...(ranges.length ? { referenceRange: ranges } : {}),
  };
}

/** The ServiceRequest a bill's test stands for (DiagnosticReport.basedOn). */
export const billRequestId = (labReportId: number): string => `lr-${labReportId}`;
