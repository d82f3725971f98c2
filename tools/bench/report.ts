import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { GatewayRun } from './gateway';
import { IngestRun } from './ingest';
import { PANEL } from './lab';
import { RawRun } from './raw-baseline';
import { markdownTable, percentile, RunStats } from './stats';

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

/** A large lab's sustained rate (issue 9: "a few results per second"): the 1× of the latency goal. */
const LARGE_LAB_RESULTS_PER_SECOND = 5;

/** How many large labs an offered rate is. */
const largeLabs = (a: IngestRun) => (a.rate * PANEL.length) / LARGE_LAB_RESULTS_PER_SECOND;

/** Applied results against the raw baseline's at the same rate. */
const ratioToRaw = (a: IngestRun, r: RawRun) => appliedPerSecond(a) / Math.max(r.resultsPerSecond, 0.001);

/** Results applied per second of the run and its drain: what the system sustains, not what it queued. */
export const appliedPerSecond = (a: IngestRun) => (a.accepted * PANEL.length) / (a.http.seconds + (a.drainSeconds ?? 0));

export function ingestTable(app: IngestRun[], raw: RawRun[]): string {
  return markdownTable(
    ['offered uploads /s', '× a large lab', 'accepted uploads /s', 'accepted results /s', 'applied results /s (run + drain)', 'raw results stored /s (run + drain)', 'ratio (applied / raw)', 'HTTP p50/p95/p99 ms', 'raw produce p50/p95/p99 ms', 'end-to-end p50/p95/p99 ms', 'raw end-to-end p50/p95/p99 ms', 'errors (HTTP / probe)'],
    app.map((a, i) => {
      const r = raw[i];
      return [a.rate, `${largeLabs(a).toFixed(0)}×`, a.acceptedPerSecond, a.resultsPerSecond, appliedPerSecond(a), r.resultsPerSecond,
        `${(100 * ratioToRaw(a, r)).toFixed(0)}%`,
        ms(a.http), ms(r.produce), `${ms(a.endToEnd)} (n=${a.endToEnd.count})`, ms(r.endToEnd), `${a.http.errors} / ${a.endToEnd.errors}`];
    }),
  );
}

/** The goals of issue 9, each from the tables above, so a run says itself whether they hold. */
const verdict = (met: boolean) => (met ? 'met' : 'not met');

export function goalsTable(app: IngestRun[], raw: RawRun[], gateway: GatewayRun[]): string {
  const rows: (string | number)[][] = [];
  if (app.length > 0) {
    const ratios = app.map((a, i) => ratioToRaw(a, raw[i]));
    const worst = Math.min(...ratios);
    rows.push(['ingest ≥ 50% of the raw baseline (applied, every rate)', `${(100 * worst).toFixed(0)}% at the worst rate`, verdict(worst >= 0.5)]);
    const best = Math.max(...app.map(appliedPerSecond));
    rows.push(['≥ 500 results /s sustained (applied, run + drain)', `${best.toFixed(0)} /s`, verdict(best >= 500)]);
    const at = (x: number) => app.find((a) => largeLabs(a) === x);
    const [one, ten] = [at(1), at(10)];
    if (one && ten) {
      const ratio = ten.endToEnd.p99 / one.endToEnd.p99;
      rows.push(['end-to-end p99 at 10× a large lab ≤ 2× its value at 1×', `${ten.endToEnd.p99.toFixed(0)} / ${one.endToEnd.p99.toFixed(0)} ms = ${ratio.toFixed(2)}×`, verdict(ratio <= 2)]);
    }
  }
  for (const { concurrency, read, echo } of gateway) {
    const ratio = read.p99 / echo.p99;
    const clients = `${concurrency} client${concurrency === 1 ? '' : 's'}`;
    rows.push([`gateway round-trip p99 ≤ 2× the bare echo (${clients})`, `${read.p99.toFixed(0)} / ${echo.p99.toFixed(0)} ms = ${ratio.toFixed(2)}×`, verdict(ratio <= 2)]);
  }
  return markdownTable(['goal (issue 9)', 'measured', ''], rows);
}

/**
 * Read your writes under ingest (issue 19): the probes' first read, made at once with the upload's
 * token. How often it showed the value, how often the serving app had to wait, and for how long.
 */
export function consistencyTable(app: IngestRun[]): string {
  return markdownTable(
    ['offered uploads/s', 'token reads', 'showed the value at once', 'stale', 'waited (> 0 ms)', 'wait p50 ms', 'wait p99 ms'],
    app.map(({ rate, tokenReads: t }) => {
      const waited = t.waitsMs.filter((w) => w > 0).sort((a, b) => a - b);
      return [rate, t.reads, `${t.fresh} (${pct(t.fresh, t.reads)})`, t.stale, `${waited.length} (${pct(waited.length, t.reads)})`,
        percentile(waited, 50), percentile(waited, 99)];
    }),
  );
}

const pct = (n: number, of: number) => `${of === 0 ? 0 : Math.round((100 * n) / of)}%`;

export function gatewayTable(runs: GatewayRun[]): string {
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  return markdownTable(
    ['clients', 'read', 'requests /s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'],
    runs.flatMap(({ concurrency, read, echo }) => [
      [concurrency, 'GET /getReportFormatForTestEntry/', read.perSecond, read.p50, read.p95, read.p99, read.errors],
      [concurrency, 'baseline: bare Fastify + kafkajs echo', echo.perSecond, echo.p50, echo.p95, echo.p99, echo.errors],
      [concurrency, 'ratio (LabFlow / baseline)', ratio(read.perSecond, echo.perSecond), ratio(read.p50, echo.p50), ratio(read.p95, echo.p95), ratio(read.p99, echo.p99), ''],
    ]),
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
