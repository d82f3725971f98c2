import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { freshLabId, tokenFor } from '@labflow/testing';
import { APP_PORTS, spawnApp, stopPid, waitForReady } from '@labflow/tools/dev';
import { TEST_APP_ENV } from '../app-test-env';

/**
 * Two more gateway instances on the same Redis with low limits: the count is shared, so the caller's
 * requests spread over both are refused once their sum passes the limit (429, Retry-After, JSON body),
 * per caller and per device token; health stays open.
 */
const LIMITS = { RATE_LIMIT_PER_CALLER: '4', RATE_LIMIT_PER_DEVICE: '3', RATE_LIMIT_WINDOW_SECONDS: '30' };
const PORTS = [APP_PORTS.gateway + 71, APP_PORTS.gateway + 72];
const base = (i: number) => `http://127.0.0.1:${PORTS[i % 2]}`;

async function send(i: number, path: string, init: { token?: string; body?: unknown } = {}) {
  const res = await fetch(`${base(i)}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: res.status, headers: res.headers, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

describe('rate limits shared by two gateway instances', () => {
  const gateways: ChildProcess[] = [];

  beforeAll(async () => {
    PORTS.forEach((port, i) => gateways.push(spawnApp('gateway', {
      env: { ...TEST_APP_ENV, ...LIMITS, PORT: String(port) }, recordPid: false, logName: `gateway-rate-limit-${i + 1}`,
    })));
    await Promise.all(PORTS.map((port) => waitForReady(`http://127.0.0.1:${port}/health/ready`, 120_000)));
  });

  afterAll(async () => {
    await Promise.all(gateways.map((g) => (g.pid ? stopPid(g.pid, 20_000) : undefined)));
  });

  it('answers 429 with Retry-After once a caller passes the limit across both instances', async () => {
    const labId = freshLabId();
    const token = await tokenFor({ lab_id: labId });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await send(i, '/api-v3/sample-rerun/1', { token })).status);
    expect(statuses.every((s) => s !== 429)).toBe(true);

    const refused = await send(4, '/api-v3/sample-rerun/1', { token });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(30);
    expect(refused.body).toEqual({
      statusCode: 429, code: 'RATE_LIMITED', requestId: expect.any(String),
      message: expect.stringMatching(/^Too many requests: at most 4 per 30 s for this caller; retry after \d+ s$/),
    });
    expect((await send(5, '/api-v3/sample-rerun/1', { token })).status).toBe(429);
    // another user of the same lab is counted alone
    expect((await send(0, '/api-v3/sample-rerun/1', { token: await tokenFor({ lab_id: labId, sub: '8' }) })).status).not.toBe(429);
  });

  it('limits analyzer uploads per device token', async () => {
    const upload = { labId: freshLabId(), sampleId: 'S1', deviceAuth: `unknown-${randomUUID()}`, test_flags: [], data: { values: [{ testName: 'HGB', value: 1 }] } };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await send(i, '/dataPartialFromDevice/', { body: upload })).status);
    // an unknown token is the device service's 401; the fourth is not even asked
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('never limits health', async () => {
    for (let i = 0; i < 12; i++) expect((await send(i, '/health/live')).status).toBe(200);
  });
});
