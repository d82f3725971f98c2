import { clientCommand, inMemoryOrdersUnit, LAB } from '../in-memory-orders.fake';
import { ListWebhookEndpointsUseCase } from './list-webhook-endpoints.usecase';

describe('ListWebhookEndpointsUseCase', () => {
  it('lists the caller\'s endpoints only, without their secrets', async () => {
    const unit = inMemoryOrdersUnit();
    await unit.webhookEndpoints.insert({ id: 'e-1', labId: LAB, clientId: 'client-a', url: 'http://a', eventTypes: ['labtest.order.created'], secret: 's1' });
    await unit.webhookEndpoints.insert({ id: 'e-2', labId: LAB, clientId: 'client-b', url: 'http://b', eventTypes: ['labtest.order.created'], secret: 's2' });
    await unit.webhookEndpoints.insert({ id: 'e-3', labId: 42, clientId: 'client-a', url: 'http://c', eventTypes: ['labtest.order.created'], secret: 's3' });
    const { data } = await new ListWebhookEndpointsUseCase().execute(clientCommand({}), unit);
    expect(data).toEqual([{ id: 'e-1', url: 'http://a', event_types: ['labtest.order.created'], created_at: expect.any(String), enabled: true }]);
  });
});
