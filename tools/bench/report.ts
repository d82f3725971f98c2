import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { IngestRun } from './ingest';
import { RawRun } from './raw-baseline';
import { markdownTable, RunStats } from './stats';

export interface ScaleOutRun {
  instances: number;
  partitions: string;
  accepted: number;
  stored: number;
  events: number;
  distinct: number;
  storedPerSecond: number;
}

const ms = (s: RunStats) => `${s.p50.toFixed(0)} / ${s.p95.toFixed(0)} / ${s.p99.toFixed(0)}`;

export function ingestTable(app: IngestRun[], raw: RawRun[]): string {
  return markdownTable(
    ['offered uploads /s', 'LabFlow accepted uploads /s', 'LabFlow results /s', 'raw results stored /s', 'ratio', 'HTTP p50/p95/p99 ms', 'raw produce p50/p95/p99 ms', 'end-to-end p50/p95/p99 ms', 'raw end-to-end p50/p95/p99 ms', 'errors (HTTP / probe)'],
    app.map((a, i) => {
      const r = raw[i];
      return [a.rate, a.acceptedPerSecond, a.resultsPerSecond, r.resultsPerSecond, `${((100 * a.resultsPerSecond) / Math.max(r.resultsPerSecond, 0.001)).toFixed(0)}%`,
        ms(a.http), ms(r.produce), `${ms(a.endToEnd)} (n=${a.endToEnd.count})`, ms(r.endToEnd), `${a.http.errors} / ${a.endToEnd.errors}`];
    }),
  );
}

export function gatewayTable(read: RunStats, echo: RunStats, concurrency: number): string {
  return markdownTable(
    ['concurrency ' + concurrency, 'requests /s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'],
    [
      ['GET /getReportFormatForTestEntry/', read.perSecond, read.p50, read.p95, read.p99, read.errors],
      ['baseline: bare Fastify + kafkajs echo', echo.perSecond, echo.p50, echo.p95, echo.p99, echo.errors],
      ['ratio (LabFlow / baseline)', `${(read.perSecond / echo.perSecond).toFixed(2)}×`, `${(read.p50 / echo.p50).toFixed(2)}×`, `${(read.p95 / echo.p95).toFixed(2)}×`, `${(read.p99 / echo.p99).toFixed(2)}×`, ''],
    ],
  );
}

export function scaleOutTable(runs: ScaleOutRun[]): string {
  return markdownTable(
    ['instances of reporting + device-ingestion', 'device.data.received partitions per reporting member', 'accepted results', 'stored device results', 'report.values_updated events', 'duplicates', 'stored /s (load + drain)'],
    runs.map((r) => [r.instances, r.partitions, r.accepted, r.stored, r.events, r.events - r.distinct, r.storedPerSecond]),
  );
}

const START = '<!-- bench:start (written by npm run bench) -->';
const END = '<!-- bench:end -->';

/** Replaces the measured part of docs/performance.md; the hand-written method and notes stay. */
export function writeResults(path: string, section: string): void {
  const block = `${START}\n${section}\n${END}`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : `# Performance\n\n${START}\n${END}\n`;
  const from = current.indexOf(START);
  const to = current.indexOf(END);
  const next = from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + END.length) : `${current}\n${block}\n`;
  writeFileSync(path, next);
}
