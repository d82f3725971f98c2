import { OutboxBacklog } from '@labflow/platform/kafka';
import { HealthCheck } from './health.registry';

/** What readiness needs of an outbox relay (PgOutboxRelay, MongoOutboxRelay). */
export interface OutboxRelayState {
  readonly lastError: string | null;
  readonly stalledForMs: number;
}

/**
 * The `outbox` readiness check: the backlog and the relay's last error, and red once the relay has
 * failed to publish for `stalledAfterMs` in a row. Its dependencies may all answer (a topic the broker
 * refuses, a row it cannot take) while no event leaves: results stop flowing, so the app is not ready.
 * A short blip (a broker restart) stays green; the relay retries either way.
 */
export function outboxReadiness(relay: OutboxRelayState, backlog: () => Promise<OutboxBacklog>, stalledAfterMs: number): HealthCheck {
  return async () => {
    const waiting = await backlog();
    const stalled = relay.stalledForMs;
    if (stalled >= stalledAfterMs) {
      throw new Error(`outbox relay failing for ${Math.round(stalled / 1000)} s, ${waiting.count} events waiting: ${relay.lastError ?? 'a publish has not returned'}`);
    }
    return { ...waiting, lastError: relay.lastError };
  };
}
