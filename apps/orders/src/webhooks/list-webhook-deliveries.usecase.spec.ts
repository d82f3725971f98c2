import { clientCommand, failureOf, inMemoryOrdersUnit, LAB } from '../in-memory-orders.fake';
import { ListWebhookDeliveriesUseCase } from './list-webhook-deliveries.usecase';

describe('ListWebhookDeliveriesUseCase', () => {
  it('lists the deliveries of the caller\'s endpoint with their attempts', async () => {
    const unit = inMemoryOrdersUnit();
    await unit.webhookEndpoints.insert({ id: 'e-1', labId: LAB, clientId: 'client-a', url: 'http://a', eventTypes: ['labtest.order.created'], secret: 's' });
    await unit.webhookDeliveries.insert({
      id: 'd-1', messageId: 'msg_1', endpointId: 'e-1', labId: LAB, clientId: 'client-a', eventType: 'labtest.order.created',
      orderId: 'o-1', sequence: 1, body: '{}', firstDelayMs: 0,
    });
    unit.webhookDeliveries.rows[0].attempts.push({ attempt: 1, statusCode: 500, error: 'HTTP 500', durationMs: 12, attemptedAt: new Date('2026-05-25T08:00:00Z') });
    const { data } = await new ListWebhookDeliveriesUseCase().execute(clientCommand({ endpointId: 'e-1' }), unit);
    expect(data).toEqual([{
      message_id: 'msg_1', event_type: 'labtest.order.created', order_id: 'o-1', sequence: 1, status: 'pending',
      attempts: [{ message_id: 'msg_1', event_type: 'labtest.order.created', order_id: 'o-1', attempt: 1, status_code: 500, error: 'HTTP 500', duration_ms: 12, attempted_at: '2026-05-25T08:00:00.000Z' }],
    }]);
  });

  it('is 404 Webhook endpoint not found for another client\'s endpoint', async () => {
    const unit = inMemoryOrdersUnit();
    await unit.webhookEndpoints.insert({ id: 'e-1', labId: LAB, clientId: 'client-b', url: 'http://a', eventTypes: ['labtest.order.created'], secret: 's' });
    expect(await failureOf(new ListWebhookDeliveriesUseCase().execute(clientCommand({ endpointId: 'e-1' }), unit)))
      .toEqual({ status: 404, code: 'WEBHOOK_ENDPOINT_NOT_FOUND', message: 'Webhook endpoint not found' });
  });
});
