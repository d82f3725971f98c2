import { clientCommand, failureOf, inMemoryOrdersUnit, LAB, placedOrder } from '../in-memory-orders.fake';
import { GetOrderTransactionResultUseCase } from './get-order-transaction-result.usecase';

describe('GetOrderTransactionResultUseCase', () => {
  it('combines the results: the redraw\'s value replaces the initial order\'s missing one', async () => {
    const unit = inMemoryOrdersUnit();
    const { orderId, transactionId } = await placedOrder(unit);
    await unit.orders.upsertResults(orderId, [
      { biomarker: 'glucose', result: '92', unit: 'mg/dL', missingReason: null },
      { biomarker: 'hba1c', result: null, unit: null, missingReason: 'lab_error' },
    ]);
    const initial = unit.orders.stored(orderId)!;
    const redraw = await unit.orders.insertOrder({ ...initial, id: 'r-1', origin: 'redraw', parentId: orderId, biomarkers: ['hba1c'], labId: LAB });
    await unit.orders.upsertResults(redraw.id, [{ biomarker: 'hba1c', result: '5.4', unit: '%', missingReason: null }]);
    const view = await new GetOrderTransactionResultUseCase().execute(clientCommand({ transactionId }), unit);
    expect(view.results.map((r) => [r.biomarker, r.result, r.origin])).toEqual([['glucose', '92', 'initial'], ['hba1c', '5.4', 'redraw']]);
  });

  it('is 404 for another client\'s transaction', async () => {
    const unit = inMemoryOrdersUnit();
    const { transactionId } = await placedOrder(unit);
    expect(await failureOf(new GetOrderTransactionResultUseCase().execute(clientCommand({ transactionId }, { clientId: 'client-b' }), unit)))
      .toEqual({ status: 404, code: 'ORDER_TRANSACTION_NOT_FOUND', message: 'Order transaction not found' });
  });
});
