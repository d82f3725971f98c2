import { Injectable } from '@nestjs/common';
import { CommandRequest, OrderIdInput, OrderTransactionIdInput } from '@labflow/contracts';
import { authenticatedInput } from '@labflow/platform/service';
import { OrderErrors } from './order.errors';
import { clientIdOf, OrderRecord } from './order.model';
import { OrderRepository } from './order.repository';

/** Resolves the order or transaction a client read names: the caller's own only (another's is a 404). */
@Injectable()
export class OwnedOrders {
  constructor(private readonly orders: OrderRepository) {}

  async order(request: CommandRequest): Promise<OrderRecord> {
    const { principal, input } = authenticatedInput(OrderIdInput, request);
    const order = await this.orders.findOwned(principal.labId, clientIdOf(principal), input.orderId);
    if (!order) throw OrderErrors.orderNotFound();
    return order;
  }

  async transaction(request: CommandRequest): Promise<{ labId: number; transactionId: string }> {
    const { principal, input } = authenticatedInput(OrderTransactionIdInput, request);
    if (!(await this.orders.transactionExists(principal.labId, clientIdOf(principal), input.transactionId))) {
      throw OrderErrors.transactionNotFound();
    }
    return { labId: principal.labId, transactionId: input.transactionId };
  }
}
