import {
  call, envelopeIsValid, freshLabId, ReceivedWebhook, TopicProbe, WebhookReceiver, webhookSignatureValid,
} from '@labflow/testing';
import { labResults, labStatus, orderToRedraw, orderTokens, placeOrder } from './support/orders.fixtures';

/** seed 004: order transactions and redraws, through the gateway, with a real webhook receiver. */
describe('orders: redraw flow (seed 004)', () => {
  const labId = freshLabId();
  let tokens: Awaited<ReturnType<typeof orderTokens>>;
  let receiver: WebhookReceiver;
  let probe: TopicProbe;
  let secret: string;

  beforeAll(async () => {
    tokens = await orderTokens(labId);
    receiver = await WebhookReceiver.start();
    probe = await TopicProbe.start(['order.redraw_available', 'order.created', 'order.updated']);
    const endpoint = await call('POST', '/v3/webhooks', {
      token: tokens.client, body: { url: receiver.url('/hooks'), event_types: ['labtest.order.created', 'labtest.order.updated'] },
    });
    expect(endpoint.status).toBe(201);
    expect(endpoint.body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{44}$/);
    secret = endpoint.body.secret;
  });
  afterAll(async () => {
    await probe.stop();
    await receiver.stop();
  });

  const hooksOf = (orderId: string) => receiver.on('/hooks').filter((r) => r.json?.data?.id === orderId);

  it('runs the whole redraw flow: redraw_available, redraw order, webhooks, completion, combined results', async () => {
    const placed = await placeOrder(tokens.client, { client_user_id: 'patient-42' });
    expect(placed.body).toMatchObject({ status: 'success', message: 'Order created', order_id: expect.any(String), order_transaction_id: expect.any(String) });
    const { order_id: orderId, order_transaction_id: transactionId } = placed.body;
    expect(placed.body.order).toMatchObject({
      id: orderId, origin: 'initial', parent_id: null, low_level_status: 'ordered', status: 'received', sequence: 1,
      order_transaction: { id: transactionId, status: 'active', orders: [{ id: orderId, origin: 'initial', low_level_status: 'ordered' }] },
    });

    expect((await labStatus(tokens.lab, orderId, 'requisition_created')).body.low_level_status).toBe('requisition_created');
    expect((await labStatus(tokens.lab, orderId, 'sample_received')).body.low_level_status).toBe('sample_received');
    const partial = await labResults(tokens.lab, orderId, false, [{ biomarker: 'glucose', result: '92', unit: 'mg/dL' }]);
    expect(partial.status).toBe(200);
    expect(partial.body.low_level_status).toBe('partial_results');
    const finished = await labResults(tokens.lab, orderId, true, [
      { biomarker: 'hba1c', missing_reason: 'lab_error' },
      { biomarker: 'ldl', result: '110', unit: 'mg/dL' },
    ]);
    expect(finished.status).toBe(200);
    expect(finished.body.low_level_status).toBe('redraw_available');
    expect(finished.body.events.map((e: { status: string }) => e.status)).toEqual(
      ['ordered', 'requisition_created', 'sample_received', 'partial_results', 'redraw_available']);

    const transaction = await call('GET', `/v3/order_transaction/${transactionId}`, { token: tokens.client });
    expect(transaction.status).toBe(200);
    expect(transaction.body.status).toBe('active');
    expect(transaction.body.orders.map((o: { origin: string }) => o.origin)).toEqual(['initial', 'redraw']);
    const redrawId = transaction.body.orders[1].id as string;
    expect(transaction.body.orders[1]).toMatchObject({ parent_id: orderId, low_level_status: 'ordered' });
    expect(Date.parse(transaction.body.orders[0].created_at)).toBeLessThan(Date.parse(transaction.body.orders[1].created_at));

    const redraw = await call('GET', `/v3/order/${redrawId}`, { token: tokens.client });
    expect(redraw.status).toBe(200);
    expect(redraw.body).toMatchObject({ origin: 'redraw', biomarkers: ['hba1c'], lab: 'quest', walk_in: true, client_user_id: 'patient-42' });

    // seed 004: the initial order's results are available when redraw_available is received
    const initialResults = await call('GET', `/v3/order/${orderId}/result`, { token: tokens.client });
    expect(initialResults.body.results.map((r: { biomarker: string; status: string }) => [r.biomarker, r.status])).toEqual(
      [['glucose', 'final'], ['hba1c', 'missing'], ['ldl', 'final']]);

    // seed 004 webhooks: initial → redraw_available (listing the redraw); redraw created, then requisition_created
    const [redrawAvailableHook] = await receiver.waitFor((r) => r.json?.data?.id === orderId && r.json.data.low_level_status === 'redraw_available');
    expect(redrawAvailableHook.json).toMatchObject({
      event_type: 'labtest.order.updated',
      data: { origin: 'initial', order_transaction: { id: transactionId, status: 'active', orders: [{ id: orderId }, { id: redrawId, origin: 'redraw' }] } },
    });
    const [redrawCreatedHook] = await receiver.waitFor((r) => r.json?.data?.id === redrawId && r.json.event_type === 'labtest.order.created');
    expect(redrawCreatedHook.json.data).toMatchObject({ origin: 'redraw', low_level_status: 'ordered', sequence: 1, order_transaction: { id: transactionId } });

    expect((await labStatus(tokens.lab, redrawId, 'requisition_created')).status).toBe(200);
    await receiver.waitFor((r) => r.json?.data?.id === redrawId && r.json.event_type === 'labtest.order.updated'
      && r.json.data.low_level_status === 'requisition_created');
    expect((await labStatus(tokens.lab, redrawId, 'sample_received')).status).toBe(200);
    const redrawDone = await labResults(tokens.lab, redrawId, true, [{ biomarker: 'hba1c', result: '5.4', unit: '%' }]);
    expect(redrawDone.body).toMatchObject({ low_level_status: 'completed', order_transaction: { status: 'completed' } });

    const done = await call('GET', `/v3/order_transaction/${transactionId}`, { token: tokens.client });
    expect(done.body).toMatchObject({ status: 'completed', orders: [{ id: orderId, low_level_status: 'redraw_available' }, { id: redrawId, low_level_status: 'completed' }] });
    const combined = await call('GET', `/v3/order_transaction/${transactionId}/result`, { token: tokens.client });
    expect(combined.status).toBe(200);
    expect(combined.body.status).toBe('completed');
    expect(combined.body.results.map((r: Record<string, unknown>) => [r.biomarker, r.result, r.status, r.order_id, r.origin])).toEqual([
      ['glucose', '92', 'final', orderId, 'initial'],
      ['hba1c', '5.4', 'final', redrawId, 'redraw'],
      ['ldl', '110', 'final', orderId, 'initial'],
    ]);

    // every webhook is signed; sequences let a receiver order the updates of one order
    await receiver.waitFor((r) => r.json?.data?.id === redrawId && r.json.data.low_level_status === 'completed');
    const all = [...hooksOf(orderId), ...hooksOf(redrawId)];
    for (const hook of all) {
      expect(webhookSignatureValid(secret, hook)).toBe(true);
      expect(hook.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(Math.abs(Number(hook.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(120);
    }
    expect(webhookSignatureValid(secret, { ...all[0], body: all[0].body.replace('quest', 'labcorp') })).toBe(false);
    for (const id of [orderId, redrawId]) {
      const sequences = hooksOf(id).map((h: ReceivedWebhook) => h.json.data.sequence as number).sort((a, b) => a - b);
      expect(sequences).toEqual(sequences.map((_, i) => i + 1));
      const latest = hooksOf(id).reduce((a, b) => (a.json.data.sequence > b.json.data.sequence ? a : b));
      expect(latest.json.data.low_level_status).toBe(id === orderId ? 'redraw_available' : 'completed');
    }

    // a consumer outside the apps sees order.redraw_available once
    const [event] = await probe.waitFor((m) => m.envelope.payload.orderTransactionId === transactionId && m.topic === 'order.redraw_available');
    expect(envelopeIsValid(event.envelope)).toEqual([]);
    expect(event.key).toBe(transactionId);
    expect(event.envelope).toMatchObject({ labId, payload: { orderId, redrawOrderId: redrawId, missingBiomarkers: ['hba1c'] } });
    await probe.waitFor((m) => m.topic === 'order.updated' && m.envelope.payload.orderId === redrawId && m.envelope.payload.status === 'completed');
    expect(probe.matching((m) => m.topic === 'order.created' && m.envelope.payload.orderTransactionId === transactionId)).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 500));
    expect(probe.matching((m) => m.topic === 'order.redraw_available' && m.envelope.payload.orderTransactionId === transactionId)).toHaveLength(1);
  });

  it('refuses a second redraw: the redraw completes with results still missing, and so does the transaction', async () => {
    const { orderId, transactionId, redrawId } = await orderToRedraw(tokens.client, tokens.lab);
    expect((await labStatus(tokens.lab, redrawId, 'sample_received')).status).toBe(200);
    const again = await labResults(tokens.lab, redrawId, true, [{ biomarker: 'hba1c', missing_reason: 'lab_error' }]);
    expect(again.status).toBe(200);
    expect(again.body.low_level_status).toBe('completed');
    expect(again.body.order_transaction).toMatchObject({ status: 'completed' });
    expect(again.body.order_transaction.orders).toHaveLength(2);

    const stale = await labResults(tokens.lab, orderId, true, [{ biomarker: 'hba1c', result: '5.1' }]);
    expect(stale.status).toBe(409);
    expect(stale.body.message).toBe('Order is redraw_available: no further updates are accepted');
    const late = await labResults(tokens.lab, redrawId, true, [{ biomarker: 'hba1c', missing_reason: 'lab_error' }]);
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('Order is completed: no further updates are accepted');

    const combined = await call('GET', `/v3/order_transaction/${transactionId}/result`, { token: tokens.client });
    expect(combined.body.results.find((r: { biomarker: string }) => r.biomarker === 'hba1c'))
      .toMatchObject({ result: null, status: 'missing', missing_reason: 'lab_error', order_id: redrawId, origin: 'redraw' });
    await probe.waitFor((m) => m.topic === 'order.redraw_available' && m.envelope.payload.orderTransactionId === transactionId);
    await probe.waitFor((m) => m.topic === 'order.updated' && m.envelope.payload.orderId === redrawId && m.envelope.payload.status === 'completed');
    expect(probe.matching((m) => m.topic === 'order.redraw_available' && m.envelope.payload.orderTransactionId === transactionId)).toHaveLength(1);
    expect(probe.matching((m) => m.topic === 'order.created' && m.envelope.payload.orderTransactionId === transactionId)).toHaveLength(2);
  });

  it('creates one redraw when two final reports of the same order race', async () => {
    const placed = await placeOrder(tokens.client);
    const orderId = placed.body.order_id as string;
    const transactionId = placed.body.order_transaction_id as string;
    const report = [{ biomarker: 'glucose', result: '92' }, { biomarker: 'hba1c', missing_reason: 'lab_error' }, { biomarker: 'ldl', result: '1' }];
    const answers = await Promise.all([labResults(tokens.lab, orderId, true, report), labResults(tokens.lab, orderId, true, report)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)?.body.message).toBe('Order is redraw_available: no further updates are accepted');
    const transaction = await call('GET', `/v3/order_transaction/${transactionId}`, { token: tokens.client });
    expect(transaction.body.orders.map((o: { origin: string }) => o.origin)).toEqual(['initial', 'redraw']);
    await probe.waitFor((m) => m.topic === 'order.redraw_available' && m.envelope.payload.orderTransactionId === transactionId);
    await new Promise((r) => setTimeout(r, 500));
    expect(probe.matching((m) => m.topic === 'order.redraw_available' && m.envelope.payload.orderTransactionId === transactionId)).toHaveLength(1);
  });

  it.each([
    ['a lab without redraws', { lab: 'spiriplex' }],
    ['an order that is not walk-in', { walk_in: false }],
  ])('completes %s with results missing, without a redraw', async (_, overrides) => {
    const placed = await placeOrder(tokens.client, overrides);
    const done = await labResults(tokens.lab, placed.body.order_id, true, [
      { biomarker: 'glucose', result: '92' }, { biomarker: 'hba1c', missing_reason: 'lab_error' },
    ]);
    expect(done.body).toMatchObject({ low_level_status: 'completed', order_transaction: { status: 'completed' } });
    expect(done.body.order_transaction.orders).toHaveLength(1);
    const results = await call('GET', `/v3/order/${placed.body.order_id}/result`, { token: tokens.client });
    expect(results.body.results.find((r: { biomarker: string }) => r.biomarker === 'ldl')).toMatchObject({ status: 'missing', missing_reason: 'not_reported' });
  });
});
