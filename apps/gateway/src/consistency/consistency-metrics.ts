import { Counter } from 'prom-client';
import { metricsRegistry } from '@labflow/platform/observability';

/** Gateway side of read your writes: calls answered stale (at the wait bound), and Redis steps that failed. */
export const consistencyTracking = new Counter({
  name: 'labflow_gateway_consistency_total',
  help: 'Read-your-writes outcomes at the gateway: stale answers and failed Redis steps (redis_read_failed, redis_remember_failed, redis_settle_failed)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});
