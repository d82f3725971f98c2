import { OrderStatus } from '@labflow/contracts';
import { changePublisher, clientCommand, failureOf, inMemoryOrdersUnit, LAB, placedOrder } from '../in-memory-orders.fake';
import { CancelOrderUseCase } from './cancel-order.usecase';

describe('CancelOrderUseCase', () => {
  const sut = () => new CancelOrderUseCase(changePublisher());

  it.each<OrderStatus>(['ordered', 'requisition_created'])('cancels an order in %s, under its transaction\'s lock, and publishes the change', async (status) => {
    const unit = inMemoryOrdersUnit();
    const { orderId, transactionId } = await placedOrder(unit);
    unit.orders.stored(orderId)!.status = status;
    const view = await sut().execute(clientCommand({ orderId }), unit);
    expect(view).toMatchObject({ low_level_status: 'cancelled', status: 'cancelled', sequence: 2, order_transaction: { status: 'cancelled' } });
    expect(unit.orders.locked).toEqual([`${LAB}:${transactionId}`]);
    expect(unit.published).toEqual([{ topic: 'order.updated', payload: expect.objectContaining({ orderId, status: 'cancelled', transactionStatus: 'cancelled', sequence: 2 }) }]);
  });

  it('is 409 for an order already cancelled, and for one whose sample is with the lab', async () => {
    const unit = inMemoryOrdersUnit();
    const { orderId } = await placedOrder(unit);
    unit.orders.stored(orderId)!.status = 'cancelled';
    expect(await failureOf(sut().execute(clientCommand({ orderId }), unit)))
      .toEqual({ status: 409, code: 'ORDER_ALREADY_CANCELLED', message: 'Order is already cancelled' });
    unit.orders.stored(orderId)!.status = 'sample_received';
    expect(await failureOf(sut().execute(clientCommand({ orderId }), unit)))
      .toEqual({ status: 409, code: 'ORDER_NOT_CANCELLABLE', message: 'Order cannot be cancelled in status sample_received' });
    expect(unit.published).toEqual([]);
  });

  it('is 404 for another client\'s order, and changes nothing', async () => {
    const unit = inMemoryOrdersUnit();
    const { orderId } = await placedOrder(unit);
    expect(await failureOf(sut().execute(clientCommand({ orderId }, { clientId: 'client-b' }), unit)))
      .toEqual({ status: 404, code: 'ORDER_NOT_FOUND', message: 'Order not found' });
    expect(unit.orders.stored(orderId)?.status).toBe('ordered');
  });
});
