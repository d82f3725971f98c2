import { RepositoryOf } from '@labflow/platform/handling';
import { toDiagnosticReport } from '../mapping/diagnostic-report.mapper';
import { FhirResource } from '../mapping/fhir-types';
import { toObservation } from '../mapping/observation.mapper';
import { LabReportState, ObservationState, ParameterState } from '../mapping/read-model';
import { toBillServiceRequest } from '../mapping/service-request.mapper';
import { ReadModelRepository } from './read-model.repository';

export interface AssembledReport { report: LabReportState; resource: FhirResource; observations: FhirResource[] }

const DONE = new Set(['final', 'amended', 'corrected']);

/** Loads what the mappers need beside the rows found (observations, parameters) in one query each. */
export class ResourceAssembler {
  constructor(private readonly readModel: RepositoryOf<ReadModelRepository>) {}

  async diagnosticReports(labId: number, reports: LabReportState[]): Promise<AssembledReport[]> {
    const [observations, parameters] = await Promise.all([
      this.readModel.observationsOf(labId, reports.map((r) => r.labReportId)),
      this.readModel.parameters(labId, reports.map((r) => r.testId)),
    ]);
    return reports.map((report) => {
      const own = observations.filter((o) => o.labReportId === report.labReportId);
      const params = parameters.get(report.testId) ?? [];
      return {
        report,
        resource: toDiagnosticReport(report, own, params),
        observations: own.map((o) => toObservation(o, report, parameterOf(params, o.index))),
      };
    });
  }

  async observations(labId: number, observations: ObservationState[]): Promise<FhirResource[]> {
    const ids = [...new Set(observations.map((o) => o.labReportId))];
    const { rows: reports } = await this.readModel.labReports(labId, { ids }, null);
    const byId = new Map(reports.map((r) => [r.labReportId, r]));
    const parameters = await this.readModel.parameters(labId, reports.map((r) => r.testId));
    return observations.flatMap((o) => {
      const report = byId.get(o.labReportId);
      return report ? [toObservation(o, report, parameterOf(parameters.get(report.testId) ?? [], o.index))] : [];
    });
  }

  /** A bill's test as a ServiceRequest: completed once its report is final (or changed after). */
  async billRequests(labId: number, reports: LabReportState[]): Promise<FhirResource[]> {
    const assembled = await this.diagnosticReports(labId, reports);
    return assembled.map((a) => toBillServiceRequest(a.report, DONE.has(String(a.resource.status))));
  }
}

function parameterOf(parameters: ParameterState[], index: number): ParameterState | null {
  return parameters.find((p) => p.index === index) ?? null;
}
