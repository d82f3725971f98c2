import { call, freshLabId, WebhookReceiver, webhookSignatureValid } from '@labflow/testing';
import { orderTokens, placeOrder } from './support/orders.fixtures';

/**
 * Webhook endpoint controls through the gateway: a secret rotation (both secrets sign during the
 * grace period, 3 s in the suites; only the new one after it), and disabling / enabling an endpoint.
 */
describe('orders: webhook secret rotation and disabled endpoints', () => {
  const labId = freshLabId();
  let tokens: Awaited<ReturnType<typeof orderTokens>>;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    tokens = await orderTokens(labId);
    receiver = await WebhookReceiver.start();
  });
  afterAll(() => receiver.stop());

  async function endpoint(path: string): Promise<{ id: string; secret: string }> {
    const res = await call('POST', '/v3/webhooks', { token: tokens.client, body: { url: receiver.url(path), event_types: ['labtest.order.created'] } });
    expect(res.status).toBe(201);
    return res.body;
  }
  const hitFor = async (path: string, orderId: string) => (await receiver.waitFor((r) => r.path === path && r.json?.data?.id === orderId))[0];
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('rotates a secret: shown once, deliveries verify with both secrets during the grace period, only the new one after it', async () => {
    const hook = await endpoint('/rotating');
    const before = Date.now();
    const rotated = await call('POST', `/v3/webhooks/${hook.id}/secret/rotate`, { token: tokens.client });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toEqual({ id: hook.id, secret: expect.stringMatching(/^whsec_/), previous_secret_expires_at: expect.any(String) });
    expect(rotated.body.secret).not.toBe(hook.secret);
    const expiresAt = Date.parse(rotated.body.previous_secret_expires_at);
    expect(expiresAt - before).toBeGreaterThanOrEqual(2_000);
    expect(expiresAt - before).toBeLessThanOrEqual(4_000);

    const during = await hitFor('/rotating', (await placeOrder(tokens.client)).body.order_id);
    expect(during.receivedAt).toBeLessThan(expiresAt);
    expect(during.headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(webhookSignatureValid(rotated.body.secret, during)).toBe(true);
    expect(webhookSignatureValid(hook.secret, during)).toBe(true);

    await pause(Math.max(0, expiresAt - Date.now()) + 500);
    const after = await hitFor('/rotating', (await placeOrder(tokens.client)).body.order_id);
    expect(after.headers['webhook-signature'].split(' ')).toHaveLength(1);
    expect(webhookSignatureValid(rotated.body.secret, after)).toBe(true);
    expect(webhookSignatureValid(hook.secret, after)).toBe(false);
  });

  it('skips order changes while an endpoint is disabled and delivers again once it is enabled', async () => {
    const hook = await endpoint('/paused');
    const disabled = await call('POST', `/v3/webhooks/${hook.id}/disable`, { token: tokens.client });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toEqual({ id: hook.id, url: receiver.url('/paused'), event_types: ['labtest.order.created'], created_at: expect.any(String), enabled: false });
    const listed = await call('GET', '/v3/webhooks', { token: tokens.client });
    expect(listed.body.data.find((e: { id: string }) => e.id === hook.id)).toMatchObject({ enabled: false });

    const whileDisabled = await placeOrder(tokens.client);
    await pause(1_000);
    expect(receiver.on('/paused')).toEqual([]);
    expect((await call('GET', `/v3/webhooks/${hook.id}/deliveries`, { token: tokens.client })).body.data).toEqual([]);

    const enabled = await call('POST', `/v3/webhooks/${hook.id}/enable`, { token: tokens.client });
    expect([enabled.status, enabled.body.enabled]).toEqual([200, true]);
    const afterwards = await placeOrder(tokens.client);
    const hit = await hitFor('/paused', afterwards.body.order_id);
    expect(webhookSignatureValid(hook.secret, hit)).toBe(true);
    await pause(500);
    expect(receiver.on('/paused').filter((r) => r.json?.data?.id === whileDisabled.body.order_id)).toEqual([]);
  });

  it('holds a delivery queued before the endpoint was disabled and sends it after it is enabled', async () => {
    const hook = await endpoint('/held');
    receiver.answer('/held', 503);
    const placed = await placeOrder(tokens.client);
    await hitFor('/held', placed.body.order_id);
    expect((await call('POST', `/v3/webhooks/${hook.id}/disable`, { token: tokens.client })).status).toBe(200);
    await pause(1_500); // past every retry of the suites' schedule
    expect(receiver.on('/held')).toHaveLength(1);
    const [waiting] = (await call('GET', `/v3/webhooks/${hook.id}/deliveries`, { token: tokens.client })).body.data;
    expect(waiting.status).toBe('pending');
    expect((await call('POST', `/v3/webhooks/${hook.id}/enable`, { token: tokens.client })).status).toBe(200);
    const hits = await receiver.waitFor((r) => r.path === '/held', 2);
    expect(hits.map((h) => h.answered)).toEqual([503, 200]);
    expect(new Set(hits.map((h) => h.headers['webhook-id'])).size).toBe(1);
  });

  it('answers 404 for another client\'s endpoint and 400 for an id that is not a UUID, changing nothing', async () => {
    const hook = await endpoint('/guarded');
    for (const action of ['secret/rotate', 'disable', 'enable']) {
      const other = await call('POST', `/v3/webhooks/${hook.id}/${action}`, { token: tokens.otherClient });
      expect([other.status, other.body.code, other.body.message]).toEqual([404, 'WEBHOOK_ENDPOINT_NOT_FOUND', 'Webhook endpoint not found']);
      const bad = await call('POST', `/v3/webhooks/not-a-uuid/${action}`, { token: tokens.client });
      expect([bad.status, bad.body.message]).toEqual([400, 'endpointId must be a UUID']);
    }
    const hit = await hitFor('/guarded', (await placeOrder(tokens.client)).body.order_id);
    expect(webhookSignatureValid(hook.secret, hit)).toBe(true);
    expect(hit.headers['webhook-signature'].split(' ')).toHaveLength(1);
  });
});
