import { OrdersUnitOfWork } from '../orders-unit-of-work';
import { orderError } from './order.errors';
import { OrderRecord } from './order.model';

/**
 * An order of the lab (the lab partner integration acts for the whole lab, whatever client placed
 * it), read again after its transaction is locked: changes to one transaction's orders are serialized.
 */
export async function lockedOrderOfLab(unit: OrdersUnitOfWork, labId: number, orderId: string): Promise<OrderRecord> {
  const found = await unit.orders.findForLab(labId, orderId);
  if (!found) throw orderError('ORDER_NOT_FOUND');
  await unit.orders.lockTransaction(labId, found.transactionId);
  const order = await unit.orders.findForLab(labId, orderId, true);
  if (!order) throw orderError('ORDER_NOT_FOUND');
  return order;
}
