import { Injectable } from '@nestjs/common';
import { CommandRequest, OrderTransactionResultView } from '@labflow/contracts';
import { OrderRepository } from './order.repository';
import { transactionViewOf } from './order-views';
import { OwnedOrders } from './owned-order';
import { combineResults } from './result-views';

/** seed 004: "use the order transaction endpoint to retrieve combined results". */
@Injectable()
export class GetOrderTransactionResultUseCase {
  constructor(private readonly owned: OwnedOrders, private readonly orders: OrderRepository) {}

  async execute(request: CommandRequest): Promise<OrderTransactionResultView> {
    const { labId, transactionId } = await this.owned.transaction(request);
    const members = await this.orders.ordersOfTransaction(labId, transactionId);
    const results = await this.orders.resultsOf(members.map((o) => o.id));
    return { order_transaction_id: transactionId, status: transactionViewOf(transactionId, members).status, results: combineResults(members, results) };
  }
}
