import { Injectable } from '@nestjs/common';
import { ORDER_COMMANDS, OrderIdInput, OrderResultView } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { OrdersUnitOfWork } from '../orders-unit-of-work';
import { ownedOrder } from './owned-order';
import { resultViewOf } from './result-views';

/** `GET /v3/order/:orderId/result`: what the lab reported for this one order. */
@Injectable()
@HandlesQuery(ORDER_COMMANDS.result, OrderIdInput)
export class GetOrderResultUseCase {
  async execute(command: Command<OrderIdInput>, unit: OrdersUnitOfWork): Promise<OrderResultView> {
    const order = await ownedOrder(unit, command);
    const results = await unit.orders.resultsOf([order.id]);
    return {
      order_id: order.id, order_transaction_id: order.transactionId, low_level_status: order.status,
      results: results.map((r) => resultViewOf(r, order)),
    };
  }
}
