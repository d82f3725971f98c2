import { FhirResource } from './fhir-types';
import { SYSTEMS } from './fhir-codes';
import { machineFlagExtensions } from './interpretation';
import { billRequestId, observationId } from './observation.mapper';
import { LabReportState, ObservationState, ParameterState } from './read-model';
import { diagnosticReportStatus } from './report-status';

/** One lab report as a DiagnosticReport: its observations as `result`, its specimen, the bill's request. */
export function toDiagnosticReport(report: LabReportState, observations: readonly ObservationState[], parameters: readonly ParameterState[]): FhirResource {
  const extension = machineFlagExtensions(report.testFlags);
  const sorted = [...observations].sort((a, b) => a.index - b.index);
  const lastUpdated = [report.registeredAt, ...sorted.map((o) => o.issuedAt)].sort().at(-1);
  return {
    resourceType: 'DiagnosticReport',
    id: String(report.labReportId),
    meta: { lastUpdated },
    ...(extension.length ? { extension } : {}),
    identifier: [{ system: SYSTEMS.labReport, value: String(report.labReportId) }],
    basedOn: [{ reference: `ServiceRequest/${billRequestId(report.labReportId)}` }],
    status: diagnosticReportStatus(report, sorted, parameters.map((p) => p.index)),
    category: [{ coding: [{ system: SYSTEMS.diagnosticServiceSection, code: 'LAB', display: 'Laboratory' }] }],
    code: { coding: [{ system: SYSTEMS.test, code: String(report.testId), display: report.testName }], text: report.testName },
    subject: { reference: `Patient/${report.patientId}` },
    effectiveDateTime: report.collectedAt ?? report.registeredAt,
    ...(report.issuedAt ? { issued: report.issuedAt } : {}),
    ...(report.specimenId ? { specimen: [{ reference: `Specimen/${report.specimenId}` }] } : {}),
    ...(sorted.length ? { result: sorted.map((o) => ({ reference: `Observation/${observationId(o.labReportId, o.index)}` })) } : {}),
  };
}
