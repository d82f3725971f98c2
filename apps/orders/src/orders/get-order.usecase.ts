import { Injectable } from '@nestjs/common';
import { ORDER_COMMANDS, OrderIdInput, OrderView } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { OrdersUnitOfWork } from '../orders-unit-of-work';
import { orderViewOf } from './order-views';
import { ownedOrder } from './owned-order';

/** `GET /v3/order/:orderId`: the order, its low-level status history and its transaction. */
@Injectable()
@HandlesQuery(ORDER_COMMANDS.get, OrderIdInput)
export class GetOrderUseCase {
  async execute(command: Command<OrderIdInput>, unit: OrdersUnitOfWork): Promise<OrderView> {
    return orderViewOf(unit.orders, await ownedOrder(unit, command));
  }
}
