import { ALL_TOPICS } from '@labflow/contracts';
import { Gateway } from './gateway-client';
import { Lab, PatientVisit } from './morning-setup';
import { bucketDelta, histogramBuckets, quantile, readMetrics, Sample, sumOf, topicWatermarks } from './system-readings';

/** One reading of the system: the apps' metrics and the topics' high watermarks. */
export interface Reading {
  gateway: Sample[];
  reporting: Sample[];
  topics: Map<string, number>;
}

export interface ReadingSources {
  gatewayUrl: string;
  reportingUrl: string;
  brokers: string;
  topicPrefix: string;
}

export async function takeReading(sources: ReadingSources): Promise<Reading> {
  const [gateway, reporting, topics] = await Promise.all([
    readMetrics(sources.gatewayUrl), readMetrics(sources.reportingUrl), topicWatermarks(sources.brokers, sources.topicPrefix),
  ]);
  return { gateway, reporting, topics };
}

/** Waits until no topic moves for `quietMs` (auto reruns and callouts travel a few hops after the last call). */
export async function settledReading(sources: ReadingSources, quietMs = 2000, timeoutMs = 30_000): Promise<Reading> {
  const deadline = Date.now() + timeoutMs;
  let last = await takeReading(sources);
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const next = await takeReading(sources);
    const moved = [...next.topics].some(([t, n]) => last.topics.get(t) !== n);
    if (!moved || Date.now() > deadline) return next;
    last = next;
  }
}

const handled = (r: Reading) => sumOf(r.reporting, 'labflow_message_handler_duration_seconds_count', (l) => l.topic === 'device.data.received' && l.outcome === 'handled');
const ms = (seconds: number | null) => (seconds === null ? 'n/a' : `${(seconds * 1000).toFixed(1)} ms`);

function table(title: string, header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `│ ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' │ ')} │`;
  const rule = (l: string, m: string, r: string) => `${l}${widths.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;
  return [`\n${title}`, rule('┌', '┬', '┐'), line(header), rule('├', '┼', '┤'), ...rows.map(line), rule('└', '┴', '┘')].join('\n');
}

/** Callout records and critical states of the morning's reports, as the lab sees them through the API. */
async function criticalState(gw: Gateway, lab: Lab, visits: PatientVisit[]): Promise<{ pending: number; done: number; attempted: number; callouts: Record<string, number> }> {
  const counts = { pending: 0, done: 0, attempted: 0 };
  for (const v of visits) {
    const records = await gw.expect(200, 'GET', `/report/${v.billId}/critical/records`, lab.technologist);
    for (const r of records.reports as { lab_report: { criticalValues: string } }[]) {
      const state = r.lab_report.criticalValues as keyof typeof counts;
      if (state in counts) counts[state] += 1;
    }
  }
  const ids = visits.flatMap((v) => [v.cbcReport, v.chemistryReport]);
  const latest = await gw.expect(200, 'POST', '/operation/critical-callout', lab.technologist, { lab_report_ids: ids });
  const callouts: Record<string, number> = {};
  for (const c of latest as { status: string }[]) callouts[c.status] = (callouts[c.status] ?? 0) + 1;
  return { ...counts, callouts };
}

export async function renderSummary(gw: Gateway, lab: Lab, visits: PatientVisit[], before: Reading, after: Reading, seconds: number): Promise<string> {
  const delta = (topic: string) => (after.topics.get(topic) ?? 0) - (before.topics.get(topic) ?? 0);
  const critical = await criticalState(gw, lab, visits);
  const allHttp = bucketDelta(histogramBuckets(after.gateway, 'labflow_http_request_duration_seconds'), histogramBuckets(before.gateway, 'labflow_http_request_duration_seconds'));
  const isDevice = (l: Record<string, string>) => (l.route ?? '').includes('dataPartialFromDevice');
  const deviceHttp = bucketDelta(histogramBuckets(after.gateway, 'labflow_http_request_duration_seconds', isDevice), histogramBuckets(before.gateway, 'labflow_http_request_duration_seconds', isDevice));
  const total = (b: Map<number, number>) => b.get(Infinity) ?? 0;

  const morning = table(`Lab morning of lab ${lab.labId} (${seconds.toFixed(1)} s), read from the system`, ['measure', 'value', 'source'], [
    ['analyzer results in', String(handled(after) - handled(before)), 'reporting /metrics handler count, device.data.received'],
    ['reruns requested (manual + auto)', String(delta('rerun.request_recorded')), 'rerun.request_recorded high watermark'],
    ['  of which auto (rerun.requested)', String(delta('rerun.requested')), 'rerun.requested high watermark'],
    ['reruns confirmed', String(delta('rerun.confirmed')), 'rerun.confirmed high watermark'],
    ['callouts recorded', String(delta('critical.callout_recorded')), 'critical.callout_recorded high watermark'],
    ['critical reports: pending / attempted / done', `${critical.pending} / ${critical.attempted} / ${critical.done}`, 'GET /report/:billId/critical/records'],
    ['latest callout per report', Object.entries(critical.callouts).map(([s, n]) => `${s} ${n}`).join(', ') || 'none', 'POST /operation/critical-callout'],
    ['HTTP requests (gateway)', String(total(allHttp)), 'gateway /metrics histogram'],
    ['latency p50 / p99, all routes', `${ms(quantile(0.5, allHttp))} / ${ms(quantile(0.99, allHttp))}`, 'gateway labflow_http_request_duration_seconds'],
    ['latency p50 / p99, dataPartialFromDevice', `${ms(quantile(0.5, deviceHttp))} / ${ms(quantile(0.99, deviceHttp))}`, 'same, route dataPartialFromDevice'],
  ]);
  const events = table('Events per topic (high watermarks of the environment\'s topics)', ['topic', 'this run', 'total'],
    ALL_TOPICS.map((t) => [t.name, String(delta(t.name)), String(after.topics.get(t.name) ?? 0)]).filter((r) => r[2] !== '0'));
  return `${morning}\n${events}\n`;
}
