import { OrderIdInput, OrderTransactionIdInput } from '@labflow/contracts';
import { Command } from '@labflow/platform/handling';
import { OrdersUnitOfWork } from '../orders-unit-of-work';
import { orderError } from './order.errors';
import { clientIdOf, OrderRecord } from './order.model';

/** The order a client read names: the caller's own only (another client's or lab's is a 404). */
export async function ownedOrder(unit: OrdersUnitOfWork, command: Command<OrderIdInput>): Promise<OrderRecord> {
  const order = await unit.orders.findOwned(command.labId, clientIdOf(command.principal), command.input.orderId);
  if (!order) throw orderError('ORDER_NOT_FOUND');
  return order;
}

/** The transaction a client read names, checked the same way. */
export async function ownedTransactionId(unit: OrdersUnitOfWork, command: Command<OrderTransactionIdInput>): Promise<string> {
  if (!(await unit.orders.transactionExists(command.labId, clientIdOf(command.principal), command.input.transactionId))) {
    throw orderError('ORDER_TRANSACTION_NOT_FOUND');
  }
  return command.input.transactionId;
}
