import { clientCommand, failureOf, inMemoryOrdersUnit, placedOrder } from '../in-memory-orders.fake';
import { GetOrderResultUseCase } from './get-order-result.usecase';

describe('GetOrderResultUseCase', () => {
  it('answers what the lab reported for the order: a value is final, an absence missing with its reason', async () => {
    const unit = inMemoryOrdersUnit();
    const { orderId, transactionId } = await placedOrder(unit);
    await unit.orders.upsertResults(orderId, [
      { biomarker: 'hba1c', result: null, unit: null, missingReason: 'lab_error' },
      { biomarker: 'glucose', result: '92', unit: 'mg/dL', missingReason: null },
    ]);
    const view = await new GetOrderResultUseCase().execute(clientCommand({ orderId }), unit);
    expect(view).toMatchObject({ order_id: orderId, order_transaction_id: transactionId, low_level_status: 'ordered' });
    expect(view.results.map((r) => [r.biomarker, r.status, r.result, r.missing_reason])).toEqual([
      ['glucose', 'final', '92', null], ['hba1c', 'missing', null, 'lab_error'],
    ]);
  });

  it('is 404 for another client\'s order', async () => {
    const unit = inMemoryOrdersUnit();
    const { orderId } = await placedOrder(unit);
    expect(await failureOf(new GetOrderResultUseCase().execute(clientCommand({ orderId }, { clientId: 'client-b' }), unit)))
      .toEqual({ status: 404, code: 'ORDER_NOT_FOUND', message: 'Order not found' });
  });
});
