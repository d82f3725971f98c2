import { Injectable } from '@nestjs/common';
import { ORDER_COMMANDS, OrderTransactionIdInput, OrderTransactionView } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { OrdersUnitOfWork } from '../orders-unit-of-work';
import { transactionViewOf } from './order-views';
import { ownedTransactionId } from './owned-order';

/** `GET /v3/order_transaction/:transactionId`: status and orders by ascending creation (seed 004). */
@Injectable()
@HandlesQuery(ORDER_COMMANDS.getTransaction, OrderTransactionIdInput)
export class GetOrderTransactionUseCase {
  async execute(command: Command<OrderTransactionIdInput>, unit: OrdersUnitOfWork): Promise<OrderTransactionView> {
    const transactionId = await ownedTransactionId(unit, command);
    return transactionViewOf(transactionId, await unit.orders.ordersOfTransaction(command.labId, transactionId));
  }
}
