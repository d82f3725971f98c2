import { LabResultsInput } from '@labflow/contracts';
import { changePublisher, clientCommand, failureOf, inMemoryOrdersUnit, ORDER_CONFIG, placedOrder } from '../in-memory-orders.fake';
import { RecordLabResultsUseCase } from './record-lab-results.usecase';

describe('RecordLabResultsUseCase', () => {
  const sut = () => new RecordLabResultsUseCase(changePublisher(), ORDER_CONFIG);
  const report = (orderId: string, final: boolean, results: LabResultsInput['results']) =>
    clientCommand<LabResultsInput>({ orderId, final, results }, { clientId: 'lab-integration' });

  it('records partial results: the order has partial_results, the missing biomarkers are not yet missing', async () => {
    const unit = inMemoryOrdersUnit();
    const { orderId } = await placedOrder(unit);
    const view = await sut().execute(report(orderId, false, [{ biomarker: 'glucose', result: '92', unit: 'mg/dL' }]), unit);
    expect(view.low_level_status).toBe('partial_results');
    expect(await unit.orders.resultsOf([orderId])).toEqual([expect.objectContaining({ biomarker: 'glucose', result: '92' })]);
    expect(unit.published.map((e) => e.topic)).toEqual(['order.updated']);
  });

  it('completes a final report and records what the lab never reported as not_reported', async () => {
    const unit = inMemoryOrdersUnit();
    const { orderId } = await placedOrder(unit);
    const view = await sut().execute(report(orderId, true, [{ biomarker: 'glucose', result: '92' }]), unit);
    expect(view).toMatchObject({ low_level_status: 'completed', order_transaction: { status: 'completed' } });
    expect((await unit.orders.resultsOf([orderId])).map((r) => [r.biomarker, r.missingReason])).toEqual([['glucose', null], ['hba1c', 'not_reported']]);
  });

  it('seed 004: a final report of a walk-in order at a redraw lab with a lab error offers a redraw of the lost biomarkers only', async () => {
    const unit = inMemoryOrdersUnit();
    const { orderId, transactionId } = await placedOrder(unit);
    const view = await sut().execute(report(orderId, true, [{ biomarker: 'glucose', result: '92' }, { biomarker: 'hba1c', missing_reason: 'lab_error' }]), unit);
    expect(view.low_level_status).toBe('redraw_available');
    const redraw = unit.orders.rows.find((o) => o.origin === 'redraw')!;
    expect(redraw).toMatchObject({ parentId: orderId, transactionId, biomarkers: ['hba1c'], status: 'ordered' });
    expect(unit.published.map((e) => e.topic)).toEqual(['order.updated', 'order.created', 'order.redraw_available']);
    expect(unit.published[2].payload).toMatchObject({ orderTransactionId: transactionId, orderId, redrawOrderId: redraw.id, missingBiomarkers: ['hba1c'] });
  });

  it.each([
    ['an order that is not a walk-in', { walk_in: false }, 'lab_error' as const],
    ['a result missing for another reason than a lab error', {}, 'insufficient_sample' as const],
  ])('offers no redraw for %s', async (_, order, reason) => {
    const unit = inMemoryOrdersUnit();
    const { orderId } = await placedOrder(unit, order);
    const view = await sut().execute(report(orderId, true, [{ biomarker: 'hba1c', missing_reason: reason }]), unit);
    expect(view.low_level_status).toBe('completed');
    expect(unit.orders.rows.filter((o) => o.origin === 'redraw')).toEqual([]);
    expect(unit.published.map((e) => e.topic)).toEqual(['order.updated']);
  });

  it('refuses a report naming a biomarker not ordered, one twice, or one with neither a result nor a reason (400)', async () => {
    const unit = inMemoryOrdersUnit();
    const { orderId } = await placedOrder(unit);
    expect(await failureOf(sut().execute(report(orderId, false, [{ biomarker: 'ldl', result: '1' }]), unit)))
      .toEqual({ status: 400, code: 'BIOMARKER_NOT_ORDERED', message: 'Biomarker ldl is not part of this order' });
    expect(await failureOf(sut().execute(report(orderId, false, [{ biomarker: 'glucose', result: '1' }, { biomarker: 'glucose', result: '2' }]), unit)))
      .toEqual({ status: 400, code: 'DUPLICATE_BIOMARKER', message: 'Biomarker glucose is reported more than once' });
    expect(await failureOf(sut().execute(report(orderId, false, [{ biomarker: 'glucose' }]), unit)))
      .toEqual({ status: 400, code: 'RESULT_OR_MISSING_REASON', message: 'Biomarker glucose needs either a result or a missing_reason' });
    const nulls = { biomarker: 'glucose', missing_reason: null } as unknown as { biomarker: string };
    expect(await failureOf(sut().execute(report(orderId, false, [nulls]), unit)))
      .toEqual({ status: 400, code: 'RESULT_OR_MISSING_REASON', message: 'Biomarker glucose needs either a result or a missing_reason' });
    expect(await unit.orders.resultsOf([orderId])).toEqual([]);
  });

  it('is 409 for a finished order', async () => {
    const unit = inMemoryOrdersUnit();
    const { orderId } = await placedOrder(unit);
    unit.orders.stored(orderId)!.status = 'redraw_available';
    expect(await failureOf(sut().execute(report(orderId, true, []), unit)))
      .toEqual({ status: 409, code: 'ORDER_FINISHED', message: 'Order is redraw_available: no further updates are accepted' });
  });
});
