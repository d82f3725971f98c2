import { OrderStatus, OrderTransactionStatus, OrderView } from '@labflow/contracts';

interface OrderState {
  origin: 'initial' | 'redraw';
  status: OrderStatus;
}

/**
 * seed 004: `active` while any order of the transaction is in progress; `completed` when all expected
 * lab work is done and no further updates are expected; `cancelled` when the initial order was
 * cancelled with no redraw order, or both orders were. A cancelled redraw after `redraw_available`
 * leaves the initial order's results as the final ones, so the transaction is `completed`.
 */
export function transactionStatusOf(orders: readonly OrderState[]): OrderTransactionStatus {
  const initial = orders.find((o) => o.origin === 'initial');
  const redraw = orders.find((o) => o.origin === 'redraw');
  if (!initial) return 'active';
  if (!redraw) {
    if (initial.status === 'cancelled') return 'cancelled';
    if (initial.status === 'completed') return 'completed';
    return 'active';
  }
  if (redraw.status === 'cancelled') return initial.status === 'cancelled' ? 'cancelled' : 'completed';
  // seed 004: the redraw's completion (even with results still missing) completes the transaction.
  if (redraw.status === 'completed') return 'completed';
  return 'active';
}

/** Junction's high-level status, derived from the low-level one. */
export function highLevelStatusOf(status: OrderStatus): OrderView['status'] {
  switch (status) {
    case 'ordered': return 'received';
    case 'requisition_created': return 'collecting_sample';
    case 'sample_received':
    case 'partial_results': return 'sample_with_lab';
    case 'completed':
    case 'redraw_available': return 'completed';
    case 'cancelled': return 'cancelled';
  }
}
