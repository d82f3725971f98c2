import { highLevelStatusOf, transactionStatusOf } from './order-transaction-status';

describe('transactionStatusOf (seed 004)', () => {
  const initial = (status: Parameters<typeof highLevelStatusOf>[0]) => ({ origin: 'initial' as const, status });
  const redraw = (status: Parameters<typeof highLevelStatusOf>[0]) => ({ origin: 'redraw' as const, status });

  it.each([
    [[initial('ordered')], 'active'],
    [[initial('partial_results')], 'active'],
    [[initial('completed')], 'completed'],
    [[initial('cancelled')], 'cancelled'],
    [[initial('redraw_available'), redraw('ordered')], 'active'],
    [[initial('redraw_available'), redraw('sample_received')], 'active'],
    [[initial('redraw_available'), redraw('completed')], 'completed'],
    [[initial('redraw_available'), redraw('cancelled')], 'completed'],
    [[initial('cancelled'), redraw('cancelled')], 'cancelled'],
  ] as const)('%j is %s', (orders, expected) => {
    expect(transactionStatusOf(orders)).toBe(expected);
  });

  it('maps low-level to high-level statuses', () => {
    expect(highLevelStatusOf('redraw_available')).toBe('completed');
    expect(highLevelStatusOf('requisition_created')).toBe('collecting_sample');
  });
});
