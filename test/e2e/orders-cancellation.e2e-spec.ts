import { call, freshLabId, tokenFor } from '@labflow/testing';
import { labResults, labStatus, orderBody, orderToRedraw, orderTokens, placeOrder } from './support/orders.fixtures';

/** seed 004 cancellation rules, order ownership and input checks, through the gateway. */
describe('orders: cancellation, ownership and input (seed 004)', () => {
  const labId = freshLabId();
  let tokens: Awaited<ReturnType<typeof orderTokens>>;

  beforeAll(async () => {
    tokens = await orderTokens(labId);
  });

  const cancel = (orderId: string, token = tokens.client) => call('POST', `/v3/order/${orderId}/cancel`, { token });
  const transactionOf = (id: string) => call('GET', `/v3/order_transaction/${id}`, { token: tokens.client });

  describe('cancellation', () => {
    it('cancels an initial order without a redraw, and with it the transaction', async () => {
      const placed = await placeOrder(tokens.client);
      expect((await labStatus(tokens.lab, placed.body.order_id, 'requisition_created')).status).toBe(200);
      const res = await cancel(placed.body.order_id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ low_level_status: 'cancelled', status: 'cancelled', order_transaction: { status: 'cancelled' } });
      expect(res.body.events.map((e: { status: string }) => e.status)).toEqual(['ordered', 'requisition_created', 'cancelled']);
      expect((await transactionOf(placed.body.order_transaction_id)).body.status).toBe('cancelled');
    });

    it('refuses to cancel an order twice (409), and the lab cannot update a cancelled order', async () => {
      const placed = await placeOrder(tokens.client);
      expect((await cancel(placed.body.order_id)).status).toBe(200);
      const again = await cancel(placed.body.order_id);
      expect(again.status).toBe(409);
      expect(again.body.message).toBe('Order is already cancelled');
      const lab = await labStatus(tokens.lab, placed.body.order_id, 'sample_received');
      expect(lab.status).toBe(409);
      expect(lab.body.message).toBe('Order is cancelled: no further updates are accepted');
    });

    it('refuses to cancel once the sample is with the lab (409), the order unchanged', async () => {
      const placed = await placeOrder(tokens.client);
      expect((await labStatus(tokens.lab, placed.body.order_id, 'sample_received')).status).toBe(200);
      const res = await cancel(placed.body.order_id);
      expect(res.status).toBe(409);
      expect(res.body.message).toBe('Order cannot be cancelled in status sample_received');
      const order = await call('GET', `/v3/order/${placed.body.order_id}`, { token: tokens.client });
      expect(order.body).toMatchObject({ low_level_status: 'sample_received', order_transaction: { status: 'active' } });
    });

    it('refuses to cancel an initial order in redraw_available; cancelling the redraw completes the transaction', async () => {
      const { orderId, transactionId, redrawId } = await orderToRedraw(tokens.client, tokens.lab);
      const initial = await cancel(orderId);
      expect(initial.status).toBe(409);
      expect(initial.body.message).toBe('Order cannot be cancelled in status redraw_available');

      const res = await cancel(redrawId);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ origin: 'redraw', low_level_status: 'cancelled' });
      const transaction = await transactionOf(transactionId);
      expect(transaction.body).toMatchObject({
        status: 'completed', orders: [{ id: orderId, low_level_status: 'redraw_available' }, { id: redrawId, low_level_status: 'cancelled' }],
      });
      // the initial order's results are the transaction's results
      const combined = await call('GET', `/v3/order_transaction/${transactionId}/result`, { token: tokens.client });
      expect(combined.body.results.map((r: Record<string, unknown>) => [r.biomarker, r.status, r.order_id])).toEqual([
        ['glucose', 'final', orderId], ['hba1c', 'missing', orderId], ['ldl', 'final', orderId],
      ]);
    });

    it('refuses to cancel a completed order (409)', async () => {
      const placed = await placeOrder(tokens.client, { lab: 'spiriplex' });
      expect((await labResults(tokens.lab, placed.body.order_id, true, [{ biomarker: 'glucose', result: '90' }])).status).toBe(200);
      const res = await cancel(placed.body.order_id);
      expect(res.status).toBe(409);
      expect(res.body.message).toBe('Order cannot be cancelled in status completed');
    });
  });

  describe('ownership', () => {
    it('answers 404 for another client\'s order, transaction and results, and changes nothing', async () => {
      const placed = await placeOrder(tokens.client);
      const { order_id: orderId, order_transaction_id: transactionId } = placed.body;
      for (const [method, path, message] of [
        ['GET', `/v3/order/${orderId}`, 'Order not found'],
        ['GET', `/v3/order/${orderId}/result`, 'Order not found'],
        ['POST', `/v3/order/${orderId}/cancel`, 'Order not found'],
        ['GET', `/v3/order_transaction/${transactionId}`, 'Order transaction not found'],
        ['GET', `/v3/order_transaction/${transactionId}/result`, 'Order transaction not found'],
      ]) {
        const res = await call(method, path, { token: tokens.otherClient });
        expect([path, res.status, res.body.message]).toEqual([path, 404, message]);
      }
      const otherLab = await tokenFor({ lab_id: freshLabId(), client_id: 'client-a', sub: 'svc-a' });
      expect((await call('GET', `/v3/order/${orderId}`, { token: otherLab })).status).toBe(404);
      const otherLabIntegration = await tokenFor({ lab_id: freshLabId(), sub: 'lab', scope: 'orders:lab' });
      const lab = await labStatus(otherLabIntegration, orderId, 'requisition_created');
      expect(lab.status).toBe(404);
      expect(lab.body.message).toBe('Order not found');
      expect((await call('GET', `/v3/order/${orderId}`, { token: tokens.client })).body.low_level_status).toBe('ordered');
    });

    it('lets only the lab partner integration (scope orders:lab) report status', async () => {
      const placed = await placeOrder(tokens.client);
      const res = await labStatus(tokens.client, placed.body.order_id, 'requisition_created');
      expect(res.status).toBe(403);
      expect(res.body.message).toBe('Your scope does not allow to access this resource. Missing allowances: orders:lab');
    });
  });

  describe('input', () => {
    it.each([
      [{ ...orderBody(), status: 'completed' }, 'property status should not exist'],
      [{ ...orderBody(), origin: 'redraw' }, 'origin must be initial: redraw orders are created by LabFlow'],
      [{ ...orderBody(), biomarkers: [] }, 'biomarkers must contain at least 1 elements'],
      [{ ...orderBody(), patient_details: { first_name: 'A', last_name: 'B', dob: '1990-04-01', gender: 'female', ssn: '1' } },
        'property patient_details.ssn should not exist'],
      [{ ...orderBody(), walk_in: 'yes' }, 'walk_in must be a boolean value'],
    ])('refuses a bad order with 400 (%#)', async (body, message) => {
      const res = await call('POST', '/v3/order', { token: tokens.client, body });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(message);
    });

    it('places an order once when the request is repeated with the same Idempotency-Key', async () => {
      const headers = { 'idempotency-key': `order-${labId}` };
      const first = await call('POST', '/v3/order', { token: tokens.client, headers, body: orderBody() });
      const second = await call('POST', '/v3/order', { token: tokens.client, headers, body: orderBody() });
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.body.order_id).toBe(first.body.order_id);
      expect(second.body.order_transaction_id).toBe(first.body.order_transaction_id);
    });

    it('accepts an explicit origin initial', async () => {
      expect((await placeOrder(tokens.client, { origin: 'initial' })).body.order.origin).toBe('initial');
    });

    it('refuses unknown fields and inconsistent results from the lab with 400, storing nothing', async () => {
      const placed = await placeOrder(tokens.client);
      const orderId = placed.body.order_id as string;
      const cases: [Record<string, unknown>, string][] = [
        [{ final: true, results: [], sequence: 9 }, 'property sequence should not exist'],
        [{ final: true, results: [{ biomarker: 'glucose', result: '1', order_id: 'x' }] }, 'property results.0.order_id should not exist'],
        [{ final: true, results: [{ biomarker: 'tsh', result: '1' }] }, 'Biomarker tsh is not part of this order'],
        [{ final: true, results: [{ biomarker: 'glucose' }] }, 'Biomarker glucose needs either a result or a missing_reason'],
        [{ final: true, results: [{ biomarker: 'glucose', result: '1', missing_reason: 'lab_error' }] }, 'Biomarker glucose needs either a result or a missing_reason'],
        [{ final: true, results: [{ biomarker: 'glucose', result: '1' }, { biomarker: 'glucose', result: '2' }] }, 'Biomarker glucose is reported more than once'],
      ];
      for (const [body, message] of cases) {
        const res = await call('POST', `/v3/lab/orders/${orderId}/results`, { token: tokens.lab, body });
        expect([res.status, res.body.message]).toEqual([400, message]);
      }
      const status = await call('POST', `/v3/lab/orders/${orderId}/status`, { token: tokens.lab, body: { status: 'completed' } });
      expect(status.status).toBe(400);
      expect(status.body.message).toBe('status must be one of the following values: requisition_created, sample_received');
      const order = await call('GET', `/v3/order/${orderId}`, { token: tokens.client });
      expect(order.body).toMatchObject({ low_level_status: 'ordered', sequence: 1 });
      expect((await call('GET', `/v3/order/${orderId}/result`, { token: tokens.client })).body.results).toEqual([]);
    });

    it('answers 400 for an order id that is not a UUID', async () => {
      const res = await call('GET', '/v3/order/not-a-uuid', { token: tokens.client });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('orderId must be a UUID');
    });

    it('refuses a status that goes backwards with 409', async () => {
      const placed = await placeOrder(tokens.client);
      expect((await labStatus(tokens.lab, placed.body.order_id, 'sample_received')).status).toBe(200);
      const res = await labStatus(tokens.lab, placed.body.order_id, 'requisition_created');
      expect(res.status).toBe(409);
      expect(res.body.message).toBe('Order cannot move from sample_received to requisition_created');
    });
  });
});
