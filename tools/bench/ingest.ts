import { BenchLab, nextValue, PANEL, postResult, readEntry, readValue } from './lab';
import { sleep } from './http';
import { runLoad } from './load';
import { RunStats, summarize } from './stats';

export interface IngestRun {
  rate: number;
  http: RunStats;
  /** Accepted (200, not a duplicate), probes included. */
  accepted: number;
  acceptedPerSecond: number;
  /** Parameter values accepted per second (accepted uploads × panel size). */
  resultsPerSecond: number;
  /** Upload → value readable through report entry, on probe samples. */
  endToEnd: RunStats;
  /** Read your writes: each probe's first read carries its upload's token (issue 19). */
  tokenReads: TokenReads;
  /** When the load window closed (epoch ms): later answers and probe polls are not part of the rates. */
  endedAt: number;
  /** Seconds until every consumer had handled the run's events, counted from `endedAt`. */
  drainSeconds?: number;
}

/** The probes' reads made at once with their upload's consistency token. */
export interface TokenReads {
  reads: number;
  /** Showed the uploaded value at once (what a client may rely on). */
  fresh: number;
  /** Answered `X-Consistency: stale` (the wait reached its bound). */
  stale: number;
  /** The serving app's wait (Server-Timing), for reads that had something to wait for. */
  waitsMs: number[];
}

/** A probe lane uploads at most once per second, so probes are a small part of a high rate's load. */
const MIN_PROBE_PERIOD_MS = 1000;

/**
 * `rate` uploads/s in total, probes included. Probe lanes upload one value each and poll report entry
 * until it shows that value (the end-to-end latency of a result under that load), then wait out their
 * period; `analyzers` simulated analyzers upload the rest of the rate in an open loop (a slow answer
 * delays only its own analyzer). At a rate the probes alone make up (a large lab's), there is no other load.
 */
export async function ingestAtRate(lab: BenchLab, options: { rate: number; durationMs: number; analyzers: number; probes: number }): Promise<IngestRun> {
  const probeSamples = lab.samples.slice(0, options.probes);
  const loadSamples = lab.samples.slice(options.probes);
  const probePeriodMs = Math.max(MIN_PROBE_PERIOD_MS, (probeSamples.length * 1000) / options.rate);
  const backgroundRate = options.rate - (probeSamples.length * 1000) / probePeriodMs;
  let accepted = 0;
  let httpErrors = 0;
  const httpLatencies: number[] = [];
  const tokenReads: TokenReads = { reads: 0, fresh: 0, stale: 0, waitsMs: [] };
  /** The upload's consistency token when accepted, else null. */
  const upload = async (sampleId: string, value: number): Promise<string | null> => {
    const t0 = performance.now();
    const reply = await postResult(lab, sampleId, value).catch(() => null);
    const ok = reply?.status === 200 && reply.body.duplicate === false;
    if (ok) {
      accepted++;
      httpLatencies.push(performance.now() - t0);
    } else httpErrors++;
    return ok ? reply.headers.get('x-consistency-token') ?? '' : null;
  };
  const started = Date.now();
  const end = started + options.durationMs;
  const probeLatencies: number[] = [];
  let probeErrors = 0;
  const probing = Promise.all(probeSamples.map(async (sample, lane) => {
    await sleep((lane * probePeriodMs) / probeSamples.length);
    while (Date.now() < end) {
      const value = nextValue();
      const t0 = performance.now();
      const token = await upload(sample.sampleId, value);
      if (token === null) {
        probeErrors++;
        await sleep(Math.max(0, Math.min(probePeriodMs, end - Date.now())));
        continue;
      }
      const first = await readEntry(lab, sample.labReportId, token || undefined).catch(() => null);
      tokenReads.reads++;
      if (first?.value === value) tokenReads.fresh++;
      if (first?.stale) tokenReads.stale++;
      if (typeof first?.waitedMs === 'number') tokenReads.waitsMs.push(first.waitedMs);
      let seen = first?.value === value;
      while (!seen && performance.now() - t0 < 30_000) {
        seen = (await readValue(lab, sample.labReportId).catch(() => null)) === value;
        if (!seen) await sleep(20);
      }
      if (seen) probeLatencies.push(performance.now() - t0);
      else probeErrors++;
      await sleep(Math.max(0, Math.min(probePeriodMs - (performance.now() - t0), end - Date.now())));
    }
  }));
  if (backgroundRate > 0) {
    await runLoad({
      concurrency: options.analyzers,
      durationMs: options.durationMs,
      ratePerSecond: backgroundRate,
      request: async (n) => (await upload(loadSamples[n % loadSamples.length].sampleId, nextValue())) !== null,
    });
  }
  await probing;
  const seconds = options.durationMs / 1000;
  return {
    rate: options.rate, http: summarize(httpLatencies, httpErrors, seconds), accepted, acceptedPerSecond: accepted / seconds,
    resultsPerSecond: (accepted * PANEL.length) / seconds, endToEnd: summarize(probeLatencies, probeErrors, seconds), tokenReads, endedAt: end,
  };
}
