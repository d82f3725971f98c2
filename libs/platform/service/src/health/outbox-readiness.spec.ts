import { outboxReadiness, OutboxRelayState } from './outbox-readiness';

describe('outboxReadiness', () => {
  const backlog = async () => ({ count: 3, oldestAgeMs: 45_000 });

  it('reports the backlog and the last error while the relay publishes or has failed briefly', async () => {
    await expect(outboxReadiness({ lastError: null, stalledForMs: 0 }, backlog, 30_000)()).resolves
      .toEqual({ count: 3, oldestAgeMs: 45_000, lastError: null });
    await expect(outboxReadiness({ lastError: 'broker restarting', stalledForMs: 29_999 }, backlog, 30_000)()).resolves
      .toMatchObject({ lastError: 'broker restarting' });
  });

  it('fails the check once the relay has failed for the limit in a row, saying why', async () => {
    const relay: OutboxRelayState = { lastError: 'This server does not host this topic-partition', stalledForMs: 42_000 };
    await expect(outboxReadiness(relay, backlog, 30_000)()).rejects
      .toThrow('outbox relay failing for 42 s, 3 events waiting: This server does not host this topic-partition');
  });
});
