import { BenchLab, nextValue, PANEL, postResult, readValue } from './lab';
import { sleep } from './http';
import { runLoad } from './load';
import { RunStats, summarize } from './stats';

export interface IngestRun {
  rate: number;
  http: RunStats;
  /** Accepted (200, not a duplicate) per second. */
  accepted: number;
  acceptedPerSecond: number;
  /** Parameter values accepted per second (accepted uploads × panel size). */
  resultsPerSecond: number;
  /** Upload → value readable through report entry, on probe samples. */
  endToEnd: RunStats;
}

/**
 * `analyzers` simulated analyzers upload at `rate` payloads/s in total (open loop: a slow answer
 * delays only its own analyzer). Meanwhile probe lanes upload one value each and poll report entry
 * until it shows that value: the end-to-end latency of a result under that load.
 */
export async function ingestAtRate(lab: BenchLab, options: { rate: number; durationMs: number; analyzers: number; probes: number }): Promise<IngestRun> {
  const probeSamples = lab.samples.slice(0, options.probes);
  const loadSamples = lab.samples.slice(options.probes);
  let accepted = 0;
  const end = Date.now() + options.durationMs;
  const probeLatencies: number[] = [];
  let probeErrors = 0;
  const probing = Promise.all(probeSamples.map(async (sample, lane) => {
    await sleep(lane * 150);
    while (Date.now() < end) {
      const value = nextValue();
      const t0 = performance.now();
      const reply = await postResult(lab, sample.sampleId, value).catch(() => null);
      if (reply?.status !== 200) {
        probeErrors++;
        continue;
      }
      let seen = false;
      while (!seen && performance.now() - t0 < 30_000) {
        seen = (await readValue(lab, sample.labReportId).catch(() => null)) === value;
        if (!seen) await sleep(20);
      }
      if (seen) probeLatencies.push(performance.now() - t0);
      else probeErrors++;
      await sleep(200);
    }
  }));
  const http = await runLoad({
    concurrency: options.analyzers,
    durationMs: options.durationMs,
    ratePerSecond: options.rate,
    request: async (n) => {
      const sample = loadSamples[n % loadSamples.length];
      const reply = await postResult(lab, sample.sampleId, nextValue());
      const ok = reply.status === 200 && reply.body.duplicate === false;
      if (ok) accepted++;
      return ok;
    },
  });
  await probing;
  return { rate: options.rate, http, accepted, acceptedPerSecond: accepted / http.seconds, resultsPerSecond: (accepted * PANEL.length) / http.seconds, endToEnd: summarize(probeLatencies, probeErrors, http.seconds) };
}
