import { Injectable } from '@nestjs/common';
import { ORDER_COMMANDS, OrderIdInput, OrderStatus, OrderView } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { OrdersUnitOfWork } from '../orders-unit-of-work';
import { OrderChangePublisher } from './order-change.publisher';
import { orderError } from './order.errors';
import { clientIdOf } from './order.model';

/** An order can be cancelled until its sample is with the lab; after that the lab's work stands. */
const CANCELLABLE: readonly OrderStatus[] = ['ordered', 'requisition_created'];

/**
 * `POST /v3/order/:orderId/cancel`. seed 004 transaction rules: cancelling the initial order (no
 * redraw yet) cancels the transaction; cancelling the redraw leaves the initial order's results final,
 * so the transaction is completed. An initial order in redraw_available expects no further updates.
 */
@Injectable()
@HandlesCommand(ORDER_COMMANDS.cancel, OrderIdInput)
export class CancelOrderUseCase {
  constructor(private readonly changes: OrderChangePublisher) {}

  async execute(command: Command<OrderIdInput>, unit: OrdersUnitOfWork): Promise<OrderView> {
    const { labId, input } = command;
    const clientId = clientIdOf(command.principal);
    const found = await unit.orders.findOwned(labId, clientId, input.orderId);
    if (!found) throw orderError('ORDER_NOT_FOUND');
    // changes to one transaction's orders are serialized: lock it, then read the order again
    await unit.orders.lockTransaction(labId, found.transactionId);
    const order = await unit.orders.findOwned(labId, clientId, input.orderId, true);
    if (!order) throw orderError('ORDER_NOT_FOUND');
    if (order.status === 'cancelled') throw orderError('ORDER_ALREADY_CANCELLED');
    if (!CANCELLABLE.includes(order.status)) throw orderError('ORDER_NOT_CANCELLABLE', order.status);
    return this.changes.updated(unit, await unit.orders.changeStatus(order, 'cancelled'));
  }
}
