import { Injectable } from '@nestjs/common';
import { ORDER_COMMANDS, OrderTransactionIdInput, OrderTransactionResultView } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { OrdersUnitOfWork } from '../orders-unit-of-work';
import { transactionViewOf } from './order-views';
import { ownedTransactionId } from './owned-order';
import { combineResults } from './result-views';

/** seed 004: "use the order transaction endpoint to retrieve combined results". */
@Injectable()
@HandlesQuery(ORDER_COMMANDS.transactionResult, OrderTransactionIdInput)
export class GetOrderTransactionResultUseCase {
  async execute(command: Command<OrderTransactionIdInput>, unit: OrdersUnitOfWork): Promise<OrderTransactionResultView> {
    const transactionId = await ownedTransactionId(unit, command);
    const members = await unit.orders.ordersOfTransaction(command.labId, transactionId);
    const results = await unit.orders.resultsOf(members.map((o) => o.id));
    return { order_transaction_id: transactionId, status: transactionViewOf(transactionId, members).status, results: combineResults(members, results) };
  }
}
