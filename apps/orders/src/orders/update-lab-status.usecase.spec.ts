import { changePublisher, clientCommand, failureOf, inMemoryOrdersUnit, LAB, placedOrder } from '../in-memory-orders.fake';
import { UpdateLabStatusUseCase } from './update-lab-status.usecase';

describe('UpdateLabStatusUseCase', () => {
  const sut = () => new UpdateLabStatusUseCase(changePublisher());
  const lab = { clientId: 'lab-integration' };

  it('moves an order of the lab forward, whatever client placed it, and publishes the change', async () => {
    const unit = inMemoryOrdersUnit();
    const { orderId, transactionId } = await placedOrder(unit);
    const view = await sut().execute(clientCommand({ orderId, status: 'requisition_created' as const }, lab), unit);
    expect(view).toMatchObject({ low_level_status: 'requisition_created', sequence: 2 });
    expect(view.events.map((e) => e.status)).toEqual(['ordered', 'requisition_created']);
    expect(unit.orders.locked).toEqual([`${LAB}:${transactionId}`]);
    expect(unit.published).toEqual([{ topic: 'order.updated', payload: expect.objectContaining({ orderId, status: 'requisition_created' }) }]);
  });

  it('is 409 for a step back, and for an order that is finished', async () => {
    const unit = inMemoryOrdersUnit();
    const { orderId } = await placedOrder(unit);
    unit.orders.stored(orderId)!.status = 'sample_received';
    expect(await failureOf(sut().execute(clientCommand({ orderId, status: 'requisition_created' as const }, lab), unit)))
      .toEqual({ status: 409, code: 'INVALID_STATUS_TRANSITION', message: 'Order cannot move from sample_received to requisition_created' });
    unit.orders.stored(orderId)!.status = 'completed';
    expect(await failureOf(sut().execute(clientCommand({ orderId, status: 'sample_received' as const }, lab), unit)))
      .toEqual({ status: 409, code: 'ORDER_FINISHED', message: 'Order is completed: no further updates are accepted' });
    expect(unit.published).toEqual([]);
  });

  it('is 404 for an order of another lab', async () => {
    const unit = inMemoryOrdersUnit();
    const { orderId } = await placedOrder(unit);
    expect(await failureOf(sut().execute(clientCommand({ orderId, status: 'sample_received' as const }, { labId: 42 }), unit)))
      .toEqual({ status: 404, code: 'ORDER_NOT_FOUND', message: 'Order not found' });
  });
});
