import { Injectable } from '@nestjs/common';
import { CommandRequest, OrderTransactionIdInput, OrderTransactionResultView, OrderTransactionView } from '@labflow/contracts';
import { authenticatedInput } from '@labflow/platform/service';
import { OrderErrors } from './order.errors';
import { clientIdOf } from './order.model';
import { OrderRepository } from './order.repository';
import { transactionViewOf } from './order-views';
import { combineResults } from './result-views';

/** `GET /v3/order_transaction/:transactionId` and its combined results (seed 004). */
@Injectable()
export class ReadOrderTransactionUseCase {
  constructor(private readonly orders: OrderRepository) {}

  async transaction(request: CommandRequest): Promise<OrderTransactionView> {
    const { labId, transactionId } = await this.owned(request);
    return transactionViewOf(transactionId, await this.orders.ordersOfTransaction(labId, transactionId));
  }

  async result(request: CommandRequest): Promise<OrderTransactionResultView> {
    const { labId, transactionId } = await this.owned(request);
    const members = await this.orders.ordersOfTransaction(labId, transactionId);
    const results = await this.orders.resultsOf(members.map((o) => o.id));
    return {
      order_transaction_id: transactionId,
      status: transactionViewOf(transactionId, members).status,
      results: combineResults(members, results),
    };
  }

  private async owned(request: CommandRequest): Promise<{ labId: number; transactionId: string }> {
    const { principal, input } = authenticatedInput(OrderTransactionIdInput, request);
    if (!(await this.orders.transactionExists(principal.labId, clientIdOf(principal), input.transactionId))) {
      throw OrderErrors.transactionNotFound();
    }
    return { labId: principal.labId, transactionId: input.transactionId };
  }
}
