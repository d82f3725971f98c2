import { Injectable } from '@nestjs/common';
import { CommandRequest, OrderIdInput, OrderResultView, OrderView } from '@labflow/contracts';
import { authenticatedInput } from '@labflow/platform/service';
import { OrderErrors } from './order.errors';
import { clientIdOf, OrderRecord } from './order.model';
import { OrderRepository } from './order.repository';
import { resultViewOf } from './result-views';
import { OrderViews } from './order-views';

/** `GET /v3/order/:orderId` and its results: the caller's own orders only (another client's is a 404). */
@Injectable()
export class ReadOrderUseCase {
  constructor(private readonly orders: OrderRepository, private readonly views: OrderViews) {}

  async order(request: CommandRequest): Promise<OrderView> {
    return this.views.order(await this.owned(request));
  }

  async result(request: CommandRequest): Promise<OrderResultView> {
    const order = await this.owned(request);
    const results = await this.orders.resultsOf([order.id]);
    return {
      order_id: order.id, order_transaction_id: order.transactionId, low_level_status: order.status,
      results: results.map((r) => resultViewOf(r, order)),
    };
  }

  private async owned(request: CommandRequest): Promise<OrderRecord> {
    const { principal, input } = authenticatedInput(OrderIdInput, request);
    const order = await this.orders.findOwned(principal.labId, clientIdOf(principal), input.orderId);
    if (!order) throw OrderErrors.orderNotFound();
    return order;
  }
}
