import { ReceivedMessage, TopicProbe } from '@labflow/testing';
import { AnalyzerLab, analyzerLab, AnalyzerStream } from './support/analyzer-lab';
import { consumerLag, groupOf, ReadinessTimeline, server, waitFor } from './support/fault-kit';

/**
 * A steady stream of analyzer results through the gateway while one server is unreachable. Pass:
 * every accepted result applied once (report.values_updated per accepted resultId, none twice),
 * per-report order kept, refusals only 503/504 (retried by the bridge), readiness red during the
 * outage and green after, consumer lag back to zero within twice the outage.
 */
type Server = 'kafka' | 'postgres' | 'ferretdb' | 'redis' | 'elasticsearch';

const OUTAGES: { name: Server; seconds: number }[] = [
  { name: 'kafka', seconds: 20 },
  { name: 'postgres', seconds: 10 },
  { name: 'ferretdb', seconds: 10 },
  { name: 'redis', seconds: 10 },
  { name: 'elasticsearch', seconds: 10 },
];

describe('faults: a server unreachable mid-stream', () => {
  let lab: AnalyzerLab;
  let n = 1;

  beforeAll(async () => {
    lab = await analyzerLab(4);
  });

  it.each(OUTAGES)('$name down for $seconds s: nothing lost, nothing applied twice', async ({ name, seconds }) => {
    // the stream keeps running through the outage and until 8 more results are accepted after it
    const readiness = new ReadinessTimeline().start();
    const stream = new AnalyzerStream(lab, n).start();
    await waitFor(async () => stream.acceptedCount >= 8, 60_000, 'results accepted before the outage');
    const down = Date.now();
    await server(name, 'stop');
    await new Promise((r) => setTimeout(r, seconds * 1000));
    await server(name, 'start');
    const up = Date.now();
    const before = stream.acceptedCount;
    await waitFor(async () => stream.acceptedCount >= before + 8, 120_000, 'results accepted after the outage');
    await stream.stop();
    n += 100_000; // the next scenario posts other values (no de-duplication across scenarios)

    const stopped = Date.now();
    const lagZeroMs = stopped + await waitFor(async () => (await consumerLag([groupOf('reporting')], ['device.data.received'])) === 0, 4 * seconds * 1000 + 60_000, 'reporting lag back to zero');
    // readiness is sampled every 500 ms and each check may take seconds: wait for a green sample
    await waitFor(async () => readiness.greenAfter(up), 60_000, 'readiness green after the restart').catch(() => undefined);
    const probe = await TopicProbe.start(['report.values_updated']);
    try {
      const accepted = stream.accepted.flat();
      const ours = (m: ReceivedMessage) => m.envelope.payload.labId === lab.labId && accepted.includes(m.envelope.payload.resultId ?? '');
      // distinct results, not messages: a relay that published a batch and could not mark it (the
      // store went down in between) publishes it again, the same envelopes twice (inboxes absorb it)
      const distinct = () => new Set(probe.matching(ours).map((m) => m.envelope.payload.resultId)).size;
      await waitFor(async () => distinct() >= accepted.length, 120_000, 'every accepted result published').catch(() => undefined);
      const updates = probe.matching(ours);
      const envelopesPerResult = new Map<string, Set<string>>();
      for (const u of updates) envelopesPerResult.set(u.envelope.payload.resultId, (envelopesPerResult.get(u.envelope.payload.resultId) ?? new Set()).add(u.envelope.id));
      const orderKept = lab.samples.every((s, i) => {
        const seen = [...new Map(updates.filter((u) => u.envelope.payload.labReportId === s.labReportId).map((u) => [u.envelope.payload.resultId, true])).keys()];
        return JSON.stringify(seen) === JSON.stringify(stream.accepted[i]);
      });
      const counts = {
        accepted: accepted.length,
        applied: envelopesPerResult.size,
        appliedTwice: [...envelopesPerResult.values()].filter((ids) => ids.size > 1).length,
        lost: accepted.filter((id) => !envelopesPerResult.has(id)).length,
        orderKept,
        refusals: Object.fromEntries(stream.refusals),
        readinessRedDuringOutage: readiness.wentRedBetween(down, up),
        readinessGreenAfter: readiness.greenAfter(up),
        lagZeroSecondsAfterStreamStop: Math.round((lagZeroMs - stopped) / 100) / 10,
        secondsFromRestartToStreamStop: Math.round((stopped - up) / 100) / 10,
      };
      console.log(`[fault:${name}] ${JSON.stringify(counts)}`);
      expect(counts.lost).toBe(0);
      expect(counts.appliedTwice).toBe(0);
      expect(counts.applied).toBe(counts.accepted);
      expect(orderKept).toBe(true);
      expect([...stream.refusals.keys()].every((s) => [0, 503, 504].includes(s))).toBe(true);
      expect(counts.readinessRedDuringOutage).toBe(true);
      expect(counts.readinessGreenAfter).toBe(true);
      expect(counts.lagZeroSecondsAfterStreamStop).toBeLessThanOrEqual(2 * seconds);
    } finally {
      readiness.stop();
      await probe.stop();
    }
  }, 420_000);
});
