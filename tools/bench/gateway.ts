import { Kafka } from 'kafkajs';
import { EchoBaseline } from './echo-baseline';
import { BenchLab, readValue } from './lab';
import { runLoad } from './load';
import { RunStats } from './stats';

/** The gateway round trip at one concurrency: report entry through the gateway and the bare echo. */
export interface GatewayRun {
  concurrency: number;
  read: RunStats;
  echo: RunStats;
}

/** Each measured window is preceded by this long of the same load, not counted (connections, JIT, caches). */
const WARM_UP_MS = 2000;

/**
 * Load on the broker before anything is measured: a Kafka broker that has just started (the fault
 * suites restart it) answers the same echo at a third of the rate it reaches once its JIT has warmed
 * up, which takes tens of seconds of traffic (411 → 1,279 req/s over four 10 s runs after a restart).
 */
export async function warmUpBroker(kafka: Kafka, where: EchoAt, durationMs: number): Promise<void> {
  if (durationMs <= 0) return;
  await withEchoBaseline(kafka, where, (echo) => runLoad({ concurrency: 8, durationMs, request: (n) => echo.call(n) }));
}

/**
 * Scenario 2: clients read report entry of one lab report in a closed loop at each concurrency, then
 * the same clients call the bare echo (EchoBaseline), on the same machine in the same run. One client
 * shows what a read costs alone; more show it under contention for the same two cores.
 */
export async function gatewayRoundTrips(
  lab: BenchLab, kafka: Kafka, where: EchoAt, concurrencies: number[], durationMs: number,
): Promise<GatewayRun[]> {
  const target = lab.samples[0].labReportId;
  const readOnce = async () => (await readValue(lab, target)) !== null;
  const reads: RunStats[] = [];
  for (const concurrency of concurrencies) {
    await runLoad({ concurrency, durationMs: WARM_UP_MS, request: readOnce });
    reads.push(await runLoad({ concurrency, durationMs, request: readOnce }));
  }
  return withEchoBaseline(kafka, where, async (echo) => {
    const runs: GatewayRun[] = [];
    for (const [i, concurrency] of concurrencies.entries()) {
      await runLoad({ concurrency, durationMs: WARM_UP_MS, request: (n) => echo.call(n) });
      runs.push({ concurrency, read: reads[i], echo: await runLoad({ concurrency, durationMs, request: (n) => echo.call(n) }) });
    }
    return runs;
  });
}

/** Where the bare echo listens: its topics' environment prefix and its HTTP port. */
export interface EchoAt {
  prefix: string;
  port: number;
}

async function withEchoBaseline<T>(kafka: Kafka, where: EchoAt, work: (echo: EchoBaseline) => Promise<T>): Promise<T> {
  const echo = new EchoBaseline(kafka, where.prefix, where.port);
  await echo.start();
  try {
    return await work(echo);
  } finally {
    await echo.stop();
  }
}
