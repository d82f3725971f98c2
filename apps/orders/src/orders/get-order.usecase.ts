import { Injectable } from '@nestjs/common';
import { CommandRequest, OrderView } from '@labflow/contracts';
import { OrderViews } from './order-views';
import { OwnedOrders } from './owned-order';

/** `GET /v3/order/:orderId`: the order, its low-level status history and its transaction. */
@Injectable()
export class GetOrderUseCase {
  constructor(private readonly owned: OwnedOrders, private readonly views: OrderViews) {}

  async execute(request: CommandRequest): Promise<OrderView> {
    return this.views.order(await this.owned.order(request));
  }
}
