import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One Prometheus registry per process, served at `/metrics` by every app. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'labflow_' });

const seconds = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const httpDuration = new Histogram({
  name: 'labflow_http_request_duration_seconds',
  help: 'HTTP request latency by route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: seconds,
  registers: [metricsRegistry],
});

export const handlerDuration = new Histogram({
  name: 'labflow_message_handler_duration_seconds',
  help: 'Kafka message handling time by topic, kind (events|commands) and outcome',
  labelNames: ['topic', 'kind', 'outcome'] as const,
  buckets: seconds,
  registers: [metricsRegistry],
});

export const handlerFailures = new Counter({
  name: 'labflow_message_handler_failures_total',
  help: 'Handler attempts that failed, by topic and whether the failure was transient (a store outage)',
  labelNames: ['topic', 'transient'] as const,
  registers: [metricsRegistry],
});

export const deadLetters = new Counter({
  name: 'labflow_dead_letters_total',
  help: 'Messages written to a dead-letter topic, by original topic and reason',
  labelNames: ['topic', 'reason'] as const,
  registers: [metricsRegistry],
});

export const outboxPublished = new Counter({
  name: 'labflow_outbox_published_total',
  help: 'Events the outbox relay published',
  registers: [metricsRegistry],
});

/** Produce requests and the messages they carried: messages per request shows how well concurrent sends coalesce. */
export const produceRequests = new Counter({
  name: 'labflow_kafka_produce_requests_total',
  help: 'Produce requests this process sent (sendBatch calls of its producers)',
  registers: [metricsRegistry],
});

export const producedMessages = new Counter({
  name: 'labflow_kafka_produced_messages_total',
  help: 'Messages this process sent to Kafka through its producers',
  registers: [metricsRegistry],
});

/** Gauges whose value is read when Prometheus scrapes (backlog, lag). */
export function gaugeOnScrape(name: string, help: string, labelNames: string[], collect: (g: Gauge) => Promise<void>): Gauge {
  return new Gauge({
    name, help, labelNames, registers: [metricsRegistry],
    async collect() {
      try {
        await collect(this);
      } catch {
        // a store that cannot answer leaves the last value; readiness reports the outage
      }
    },
  });
}

/**
 * Gauges filled from one read per scrape (the outbox's row count and oldest age from one query): a
 * scrape collects every metric at once, so the gauges' collects share the read while it is in flight.
 */
export function gaugesFromOneRead<K extends string>(
  gauges: Record<K, { name: string; help: string }>,
  read: () => Promise<Record<K, number>>,
): Gauge[] {
  let inFlight: Promise<Record<K, number>> | null = null;
  const shared = () => (inFlight ??= read().finally(() => { inFlight = null; }));
  return (Object.keys(gauges) as K[]).map((key) =>
    gaugeOnScrape(gauges[key].name, gauges[key].help, [], async (g) => g.set((await shared())[key])));
}

export function registeredMetric(name: string): boolean {
  return metricsRegistry.getSingleMetric(name) !== undefined;
}

/**
 * Read your writes (ConsistencyGate): commands that awaited events of this app, by outcome —
 * `applied` (already applied, one query), `waited` (applied while waiting), `stale` (served at the
 * bound without them) — and how long the waiting ones waited.
 */
export const consistencyWaits = new Counter({
  name: 'labflow_consistency_waits_total',
  help: 'Commands that awaited earlier writes of the caller, by outcome (applied, waited, stale)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

export const consistencyWaitSeconds = new Histogram({
  name: 'labflow_consistency_wait_seconds',
  help: 'How long a command waited for the events of the caller\'s earlier writes (those that waited)',
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
  registers: [metricsRegistry],
});
