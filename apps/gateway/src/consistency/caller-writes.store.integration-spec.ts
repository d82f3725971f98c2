import { randomUUID } from 'node:crypto';
import { closeRedis, connectRedis, RedisClient } from '@labflow/platform/persistence';
import { GatewayConfig } from '../gateway.config';
import { CallerWritesStore } from './caller-writes.store';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('CallerWritesStore (real Redis)', () => {
  let redis: RedisClient;
  let store: CallerWritesStore;
  const config = Object.assign(new GatewayConfig(), { CONSISTENCY_TOKEN_TTL_MS: 60_000 });

  beforeAll(async () => {
    redis = await connectRedis(REDIS_URL, { name: 'caller-writes-spec' });
    store = new CallerWritesStore(redis, config);
  });
  afterAll(() => closeRedis(redis));

  it('keeps a write for each app that consumes its topic, until that app settles it', async () => {
    const caller = randomUUID();
    const callout = { topic: 'critical.callout_recorded', id: randomUUID() };
    const logged = { topic: 'activity.logged', id: randomUUID() };
    await store.remember(caller, [callout, logged]);
    expect(await store.pending(caller, 'reporting')).toEqual([callout]);
    expect(await store.pending(caller, 'audit')).toEqual([logged]);
    expect(await store.pending(caller, 'orders')).toEqual([]);
    await store.settle(caller, 'reporting', [callout]);
    expect(await store.pending(caller, 'reporting')).toEqual([]);
    expect(await store.pending(caller, 'audit')).toEqual([logged]);
    expect(await store.pending(randomUUID(), 'audit')).toEqual([]); // another caller sees none of it
  });

  it('forgets a write after the TTL, and its keys expire', async () => {
    const short = new CallerWritesStore(redis, Object.assign(new GatewayConfig(), { CONSISTENCY_TOKEN_TTL_MS: 1000 }));
    const caller = randomUUID();
    await short.remember(caller, [{ topic: 'bill.registered', id: randomUUID() }]);
    expect(await short.pending(caller, 'device-ingestion')).toHaveLength(1);
    expect(await redis.pTTL(`consistency:${caller}:device-ingestion`)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await short.pending(caller, 'device-ingestion')).toEqual([]);
  });
});
