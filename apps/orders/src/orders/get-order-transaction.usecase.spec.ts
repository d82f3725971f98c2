import { clientCommand, failureOf, inMemoryOrdersUnit, placedOrder } from '../in-memory-orders.fake';
import { GetOrderTransactionUseCase } from './get-order-transaction.usecase';

describe('GetOrderTransactionUseCase', () => {
  it('answers the transaction\'s status and its orders, oldest first', async () => {
    const unit = inMemoryOrdersUnit();
    const { orderId, transactionId } = await placedOrder(unit);
    const view = await new GetOrderTransactionUseCase().execute(clientCommand({ transactionId }), unit);
    expect(view).toMatchObject({ id: transactionId, status: 'active', orders: [{ id: orderId, origin: 'initial', low_level_status: 'ordered' }] });
  });

  it('is 404 Order transaction not found for another client\'s or lab\'s transaction', async () => {
    const unit = inMemoryOrdersUnit();
    const { transactionId } = await placedOrder(unit);
    for (const who of [{ clientId: 'client-b' }, { labId: 42 }]) {
      expect(await failureOf(new GetOrderTransactionUseCase().execute(clientCommand({ transactionId }, who), unit)))
        .toEqual({ status: 404, code: 'ORDER_TRANSACTION_NOT_FOUND', message: 'Order transaction not found' });
    }
  });
});
