import { clientCommand, failureOf, inMemoryOrdersUnit, placedOrder } from '../in-memory-orders.fake';
import { GetOrderUseCase } from './get-order.usecase';

describe('GetOrderUseCase', () => {
  it('answers the caller\'s order with its history and transaction', async () => {
    const unit = inMemoryOrdersUnit();
    const { orderId, transactionId } = await placedOrder(unit);
    const view = await new GetOrderUseCase().execute(clientCommand({ orderId }), unit);
    expect(view).toMatchObject({ id: orderId, status: 'received', low_level_status: 'ordered', order_transaction: { id: transactionId, status: 'active' } });
    expect(unit.published).toEqual([]);
  });

  it.each([
    ['another client of the lab', { clientId: 'client-b' }],
    ['another lab', { labId: 42 }],
  ])('is 404 Order not found for %s', async (_, who) => {
    const unit = inMemoryOrdersUnit();
    const { orderId } = await placedOrder(unit);
    expect(await failureOf(new GetOrderUseCase().execute(clientCommand({ orderId }, who), unit)))
      .toEqual({ status: 404, code: 'ORDER_NOT_FOUND', message: 'Order not found' });
  });
});
