import { ExecutionContext, HttpException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { Principal, systemPrincipal } from '@labflow/contracts';
import { closeRedis, connectRedis, RedisClient } from '@labflow/platform/persistence';
import { loadConfig } from '@labflow/platform/config';
import { GatewayConfig } from '../gateway.config';
import { RATE_LIMIT_KEY } from './rate-limit.decorators';
import { RateLimitGuard } from './rate-limit.guard';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function contextOf(request: { principal?: Principal; body?: unknown }, perDevice = false): ExecutionContext {
  const handler = () => undefined;
  if (perDevice) Reflect.defineMetadata(RATE_LIMIT_KEY, 'device', handler);
  return {
    getHandler: () => handler,
    getClass: () => Object,
    switchToHttp: () => ({ getRequest: () => ({ headers: {}, id: 'r', ...request }) }),
  } as unknown as ExecutionContext;
}

const caller = (sub: string): Principal => ({ ...systemPrincipal(Math.floor(Math.random() * 1e9)), sub });

async function refusal(promise: Promise<boolean>): Promise<HttpException> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof HttpException)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe('RateLimitGuard (counts in the real Redis)', () => {
  let redis: RedisClient;
  const config = loadConfig('gateway', GatewayConfig, { RATE_LIMIT_WINDOW_SECONDS: '2', RATE_LIMIT_PER_CALLER: '3', RATE_LIMIT_PER_DEVICE: '2' });
  let sut: RateLimitGuard;

  beforeAll(async () => {
    redis = await connectRedis(REDIS_URL, { name: 'rate-limit-spec' });
    sut = new RateLimitGuard(new Reflector(), config, redis);
  });
  afterAll(() => closeRedis(redis));

  it('lets a caller make the limit, then answers 429 with Retry-After and the JSON error body', async () => {
    const principal = caller(`user-${randomUUID()}`);
    for (let i = 0; i < 3; i++) await expect(sut.canActivate(contextOf({ principal }))).resolves.toBe(true);
    const error = await refusal(sut.canActivate(contextOf({ principal })));
    expect(error.getStatus()).toBe(429);
    expect(error.getResponse()).toEqual({
      statusCode: 429, code: 'RATE_LIMITED', retryAfter: expect.stringMatching(/^[12]$/),
      message: expect.stringMatching(/^Too many requests: at most 3 per 2 s for this caller; retry after [12] s$/),
    });
    // another caller of the same lab has a count of its own
    await expect(sut.canActivate(contextOf({ principal: { ...principal, sub: 'someone-else' } }))).resolves.toBe(true);
  });

  it('counts again once the window has ended', async () => {
    const principal = caller(`user-${randomUUID()}`);
    for (let i = 0; i < 3; i++) await sut.canActivate(contextOf({ principal }));
    await refusal(sut.canActivate(contextOf({ principal })));
    await new Promise((r) => setTimeout(r, 2100));
    await expect(sut.canActivate(contextOf({ principal }))).resolves.toBe(true);
  });

  it('limits an analyzer upload per device token, whoever sends it', async () => {
    const body = { deviceAuth: `token-${randomUUID()}` };
    for (let i = 0; i < 2; i++) await expect(sut.canActivate(contextOf({ body }, true))).resolves.toBe(true);
    const error = await refusal(sut.canActivate(contextOf({ body }, true)));
    expect(error.getResponse()).toMatchObject({ message: expect.stringContaining('for this device') });
    await expect(sut.canActivate(contextOf({ body: { deviceAuth: `token-${randomUUID()}` } }, true))).resolves.toBe(true);
  });

  it('stores neither the device token nor the lab id in a key', async () => {
    const labId = Math.floor(1e8 + Math.random() * 8e8);
    const deviceAuth = `token-${randomUUID()}`;
    await sut.canActivate(contextOf({ principal: { ...caller('7'), labId } }));
    await sut.canActivate(contextOf({ body: { deviceAuth } }, true));
    expect(await redis.keys(`*${labId}*`)).toEqual([]);
    expect(await redis.keys(`*${deviceAuth}*`)).toEqual([]);
  });

  it('does not limit a route without a caller or device token (health, metrics)', async () => {
    for (let i = 0; i < 5; i++) await expect(sut.canActivate(contextOf({}))).resolves.toBe(true);
  });

  it('lets requests through while Redis is unreachable', async () => {
    const closed = await connectRedis(REDIS_URL, { name: 'rate-limit-spec-closed' });
    closeRedis(closed);
    const open = new RateLimitGuard(new Reflector(), loadConfig('gateway', GatewayConfig, { RATE_LIMIT_PER_CALLER: '1' }), closed);
    const principal = caller('7');
    for (let i = 0; i < 3; i++) await expect(open.canActivate(contextOf({ principal }))).resolves.toBe(true);
  });
});
