import { Injectable } from '@nestjs/common';
import { CommandRequest, OrderTransactionView } from '@labflow/contracts';
import { OrderRepository } from './order.repository';
import { transactionViewOf } from './order-views';
import { OwnedOrders } from './owned-order';

/** `GET /v3/order_transaction/:transactionId`: status and orders by ascending creation (seed 004). */
@Injectable()
export class GetOrderTransactionUseCase {
  constructor(private readonly owned: OwnedOrders, private readonly orders: OrderRepository) {}

  async execute(request: CommandRequest): Promise<OrderTransactionView> {
    const { labId, transactionId } = await this.owned.transaction(request);
    return transactionViewOf(transactionId, await this.orders.ordersOfTransaction(labId, transactionId));
  }
}
