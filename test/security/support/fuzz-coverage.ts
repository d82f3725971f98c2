import { readFileSync } from 'node:fs';

/** `METHOD /path/{template}`, as Schemathesis labels an operation. */
export type OperationLabel = string;

export interface OpenApiDocument { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> }
interface RecordedCase { value: { method: string; path: string } }
interface Interaction { response?: { status_code: number } | null }
interface ScenarioFinished {
  recorder: { cases?: Record<string, RecordedCase>; interactions?: Record<string, Interaction> };
}

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);

/** The operations of the document that promise a success answer (one that only refuses has no 2xx to reach). */
export function operationsWithSuccess(document: OpenApiDocument): OperationLabel[] {
  return Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item)
    .filter(([method, operation]) => METHODS.has(method) && Object.keys(operation.responses ?? {}).some((code) => code.startsWith('2')))
    .map(([method]) => `${method.toUpperCase()} ${path}`));
}

/** Per operation, how many answers of each status the run received, from Schemathesis' NDJSON event log. */
export function statusesByOperation(ndjson: string): Map<OperationLabel, Map<number, number>> {
  const counts = new Map<OperationLabel, Map<number, number>>();
  for (const line of ndjson.split('\n')) {
    if (!line.startsWith('{"ScenarioFinished"')) continue;
    const { recorder } = (JSON.parse(line) as { ScenarioFinished: ScenarioFinished }).ScenarioFinished;
    for (const [id, recorded] of Object.entries(recorder.cases ?? {})) {
      const status = recorder.interactions?.[id]?.response?.status_code;
      if (status === undefined) continue;
      const label = `${recorded.value.method.toUpperCase()} ${recorded.value.path}`;
      const byStatus = counts.get(label) ?? new Map<number, number>();
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      counts.set(label, byStatus);
    }
  }
  return counts;
}

export interface CoverageReport {
  /** One line per operation: whether a 2xx came back, and the statuses seen. */
  lines: string[];
  reached: OperationLabel[];
  /** Operations that promise a 2xx the run never received (exclusions left out). */
  unreached: OperationLabel[];
}

/** Which documented operations the run reached with a success answer. */
export function successCoverage(document: OpenApiDocument, ndjsonPath: string, excluded: Record<OperationLabel, string>): CoverageReport {
  const counts = statusesByOperation(readFileSync(ndjsonPath, 'utf8'));
  const report: CoverageReport = { lines: [], reached: [], unreached: [] };
  for (const label of operationsWithSuccess(document).sort()) {
    const byStatus = counts.get(label) ?? new Map<number, number>();
    const seen = [...byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
    const reached = [...byStatus.keys()].some((status) => status >= 200 && status < 300);
    if (reached) report.reached.push(label);
    else if (!(label in excluded)) report.unreached.push(label);
    const mark = reached ? '2xx' : label in excluded ? 'excluded' : 'NO 2xx';
    report.lines.push(`${mark.padEnd(8)} ${label}  (${seen || 'not called'})${label in excluded && !reached ? ` — ${excluded[label]}` : ''}`);
  }
  return report;
}
