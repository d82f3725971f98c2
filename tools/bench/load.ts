import { RunStats, summarize } from './stats';

export interface LoadOptions {
  concurrency: number;
  durationMs: number;
  /** Requests per second across all workers; omit for a closed loop (as fast as answers come). */
  ratePerSecond?: number;
  request: (n: number) => Promise<boolean>;
}

/** Drives `request` from `concurrency` workers for `durationMs`; latency of every successful call. */
export async function runLoad(options: LoadOptions): Promise<RunStats> {
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const started = Date.now();
  const end = started + options.durationMs;
  const interval = options.ratePerSecond ? (1000 * options.concurrency) / options.ratePerSecond : 0;
  await Promise.all(Array.from({ length: options.concurrency }, async (_, worker) => {
    let nextAt = started + (interval * worker) / options.concurrency;
    while (Date.now() < end) {
      if (interval > 0) {
        if (nextAt >= end) break; // the worker's next slot falls after the window: nothing is sent late
        const wait = nextAt - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        nextAt += interval;
      }
      const n = issued++;
      const t0 = performance.now();
      try {
        if (await options.request(n)) latencies.push(performance.now() - t0);
        else errors++;
      } catch {
        errors++;
      }
    }
  }));
  return summarize(latencies, errors, (Date.now() - started) / 1000);
}
