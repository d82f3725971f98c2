import { call, envelopeIsValid, eventually, freshLabId, TopicProbe, WebhookReceiver, webhookSignatureValid } from '@labflow/testing';
import { recordedPid, startApps, stopApps } from '@labflow/tools/dev';
import { TEST_APP_ENV } from '../app-test-env';
import { orderTokens, placeOrder } from './support/orders.fixtures';

/** Webhook delivery: outbox rows, signed, retried on the (test-scaled) schedule, exhaustion published. */
describe('orders: webhook delivery', () => {
  const labId = freshLabId();
  let tokens: Awaited<ReturnType<typeof orderTokens>>;
  let receiver: WebhookReceiver;
  let probe: TopicProbe;

  beforeAll(async () => {
    tokens = await orderTokens(labId);
    receiver = await WebhookReceiver.start();
    probe = await TopicProbe.start(['message.attempt.exhausted']);
  });
  afterAll(async () => {
    await probe.stop();
    await receiver.stop();
  });

  async function endpoint(path: string, eventTypes = ['labtest.order.created'], token = tokens.client): Promise<{ id: string; secret: string }> {
    const res = await call('POST', '/v3/webhooks', { token, body: { url: receiver.url(path), event_types: eventTypes } });
    expect(res.status).toBe(201);
    return res.body;
  }

  const deliveriesOf = async (endpointId: string, token = tokens.client) =>
    (await call('GET', `/v3/webhooks/${endpointId}/deliveries`, { token })).body.data as {
      message_id: string; status: string; sequence: number; attempts: { attempt: number; status_code: number | null }[];
    }[];

  it('delivers on the third attempt to a receiver that fails twice, same message id, every attempt recorded', async () => {
    const flaky = await endpoint('/flaky');
    receiver.answer('/flaky', 500, 503);
    const placed = await placeOrder(tokens.client);
    const hits = await receiver.waitFor((r) => r.path === '/flaky', 3);
    expect(hits.map((h) => h.answered)).toEqual([500, 503, 200]);
    expect(new Set(hits.map((h) => h.headers['webhook-id'])).size).toBe(1);
    for (const hit of hits) expect(webhookSignatureValid(flaky.secret, hit)).toBe(true);
    expect(hits[2].json).toMatchObject({ event_type: 'labtest.order.created', data: { id: placed.body.order_id, sequence: 1 } });
    // the schedule's delays (250 ms, then 500 ms in tests) separate the attempts
    expect(hits[1].receivedAt - hits[0].receivedAt).toBeGreaterThanOrEqual(200);
    expect(hits[2].receivedAt - hits[1].receivedAt).toBeGreaterThanOrEqual(450);

    // the receiver answers before the dispatcher records the attempt
    const [delivery] = await eventually(() => deliveriesOf(flaky.id), (d) => d[0]?.status === 'delivered');
    expect(delivery).toMatchObject({ message_id: hits[0].headers['webhook-id'], status: 'delivered', sequence: 1 });
    expect(delivery.attempts.map((a) => [a.attempt, a.status_code])).toEqual([[1, 500], [2, 503], [3, 200]]);
    await new Promise((r) => setTimeout(r, 800));
    expect(receiver.on('/flaky')).toHaveLength(3);
  });

  it('records exhaustion after the last attempt and publishes message.attempt.exhausted once', async () => {
    const down = await endpoint('/down');
    receiver.answer('/down', ...Array(20).fill(503));
    const placed = await placeOrder(tokens.client);
    const [event] = await probe.waitFor((m) => m.envelope.payload.endpointId === down.id);
    expect(envelopeIsValid(event.envelope)).toEqual([]);
    expect(event.envelope.payload).toMatchObject({
      orderId: placed.body.order_id, eventType: 'labtest.order.created', attempts: 8, lastStatusCode: 503, labId,
    });
    expect(receiver.on('/down')).toHaveLength(8);
    const [delivery] = await deliveriesOf(down.id);
    expect(delivery.status).toBe('exhausted');
    expect(delivery.attempts).toHaveLength(8);
    await new Promise((r) => setTimeout(r, 800));
    expect(receiver.on('/down')).toHaveLength(8);
    expect(probe.matching((m) => m.envelope.payload.endpointId === down.id)).toHaveLength(1);
  });

  it('sends only the event types an endpoint asked for, only to the order\'s client', async () => {
    const client = tokens.client;
    const updatesOnly = await endpoint('/updates', ['labtest.order.updated'], client);
    const other = await endpoint('/other-client', ['labtest.order.created', 'labtest.order.updated'], tokens.otherClient);
    const placed = await placeOrder(client);
    expect((await call('POST', `/v3/order/${placed.body.order_id}/cancel`, { token: client })).status).toBe(200);
    const [hit] = await receiver.waitFor((r) => r.path === '/updates' && r.json?.data?.id === placed.body.order_id);
    expect(hit.json).toMatchObject({ event_type: 'labtest.order.updated', data: { low_level_status: 'cancelled', sequence: 2 } });
    await new Promise((r) => setTimeout(r, 800));
    expect(receiver.on('/updates').filter((r) => r.json?.data?.id === placed.body.order_id)).toHaveLength(1);
    expect(receiver.on('/other-client')).toHaveLength(0);
    expect((await call('GET', `/v3/webhooks/${updatesOnly.id}/deliveries`, { token: tokens.otherClient })).status).toBe(404);
    expect(await deliveriesOf(other.id, tokens.otherClient)).toEqual([]);
  });

  it('lists the caller\'s endpoints without their secrets and refuses bad registrations with 400', async () => {
    const list = await call('GET', '/v3/webhooks', { token: tokens.otherClient });
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([{ id: expect.any(String), url: receiver.url('/other-client'), event_types: ['labtest.order.created', 'labtest.order.updated'], created_at: expect.any(String), enabled: true }]);
    for (const [body, message] of [
      [{ url: receiver.url('/x'), event_types: ['labtest.order.deleted'] }, 'each value in event_types must be one of the following values: labtest.order.created, labtest.order.updated'],
      [{ url: 'ftp://example.com/x', event_types: ['labtest.order.created'] }, 'url must be a URL address'],
      [{ url: receiver.url('/x'), event_types: ['labtest.order.created'], secret: 'mine' }, 'property secret should not exist'],
    ] as const) {
      const res = await call('POST', '/v3/webhooks', { token: tokens.client, body });
      expect([res.status, res.body.message]).toEqual([400, message]);
    }
  });

  it('reports the delivery backlog in the orders app readiness, without failing it', async () => {
    const res = await call('GET', '/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.checks.orders.details.checks.webhooks).toMatchObject({
      status: 'ok', details: { pending: expect.any(Number), overdueMs: expect.any(Number), lastError: null },
    });
  });

  it('keeps retrying a delivery across a restart of the orders app (deliveries are rows)', async () => {
    const restart = await endpoint('/restart');
    receiver.answer('/restart', ...Array(7).fill(503));
    const placed = await placeOrder(tokens.client);
    await receiver.waitFor((r) => r.path === '/restart');
    const before = recordedPid('orders');
    await stopApps(['orders']);
    startApps({ apps: ['orders'], env: TEST_APP_ENV });
    expect(recordedPid('orders')).not.toBe(before);
    const hits = await receiver.waitFor((r) => r.path === '/restart' && r.answered === 200, 1, 90_000);
    expect(hits[0].json.data.id).toBe(placed.body.order_id);
    const all = receiver.on('/restart');
    expect(all).toHaveLength(8);
    expect(new Set(all.map((h) => h.headers['webhook-id'])).size).toBe(1);
    const [delivery] = await eventually(() => deliveriesOf(restart.id), (d) => d[0]?.status === 'delivered');
    expect(delivery.attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  }, 120_000);
});
