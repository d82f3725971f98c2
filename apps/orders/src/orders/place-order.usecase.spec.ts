import { changePublisher, clientCommand, inMemoryOrdersUnit, LAB, placeInput } from '../in-memory-orders.fake';
import { PlaceOrderUseCase } from './place-order.usecase';

describe('PlaceOrderUseCase', () => {
  it('creates the order and its transaction for the caller\'s lab and client, and answers both ids', async () => {
    const unit = inMemoryOrdersUnit();
    const sut = new PlaceOrderUseCase(changePublisher());
    const placed = await sut.execute(clientCommand(placeInput({ client_user_id: 'p-9' })), unit);
    expect(placed).toMatchObject({ status: 'success', message: 'Order created', order: { low_level_status: 'ordered', sequence: 1 } });
    expect(unit.orders.transactions).toEqual([{ id: placed.order_transaction_id, labId: LAB, clientId: 'client-a' }]);
    expect(unit.orders.stored(placed.order_id)).toMatchObject({
      labId: LAB, clientId: 'client-a', origin: 'initial', parentId: null, performingLab: 'quest', clientUserId: 'p-9', status: 'ordered',
    });
    expect(placed.order.events.map((e) => e.status)).toEqual(['ordered']);
  });

  it('publishes order.created and queues a labtest.order.created webhook for each subscribed endpoint', async () => {
    const unit = inMemoryOrdersUnit();
    await unit.webhookEndpoints.insert({ id: 'e-1', labId: LAB, clientId: 'client-a', url: 'http://x', eventTypes: ['labtest.order.created'], secret: 's' });
    await unit.webhookEndpoints.insert({ id: 'e-2', labId: LAB, clientId: 'client-a', url: 'http://y', eventTypes: ['labtest.order.updated'], secret: 's' });
    const placed = await new PlaceOrderUseCase(changePublisher()).execute(clientCommand(placeInput()), unit);
    expect(unit.published).toEqual([{ topic: 'order.created', payload: expect.objectContaining({ orderId: placed.order_id, origin: 'initial', sequence: 1 }) }]);
    expect(unit.webhookDeliveries.rows).toEqual([expect.objectContaining({ endpointId: 'e-1', eventType: 'labtest.order.created', orderId: placed.order_id })]);
  });

  it('places a client without a client_id under its subject', async () => {
    const unit = inMemoryOrdersUnit();
    const command = clientCommand(placeInput());
    const placed = await new PlaceOrderUseCase(changePublisher()).execute({ ...command, principal: { ...command.principal, clientId: null } }, unit);
    expect(unit.orders.stored(placed.order_id)?.clientId).toBe('sub:svc-a');
  });
});
