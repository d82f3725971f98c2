import { Injectable } from '@nestjs/common';
import { CommandRequest, OrderResultView } from '@labflow/contracts';
import { OrderRepository } from './order.repository';
import { OwnedOrders } from './owned-order';
import { resultViewOf } from './result-views';

/** `GET /v3/order/:orderId/result`: what the lab reported for this one order. */
@Injectable()
export class GetOrderResultUseCase {
  constructor(private readonly owned: OwnedOrders, private readonly orders: OrderRepository) {}

  async execute(request: CommandRequest): Promise<OrderResultView> {
    const order = await this.owned.order(request);
    const results = await this.orders.resultsOf([order.id]);
    return {
      order_id: order.id, order_transaction_id: order.transactionId, low_level_status: order.status,
      results: results.map((r) => resultViewOf(r, order)),
    };
  }
}
