import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandRequest, OrderIdInput, OrderStatus, OrderView } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { applyOnce } from './apply-once';
import { OrderChangePublisher } from './order-change.publisher';
import { OrderErrors } from './order.errors';
import { clientIdOf } from './order.model';
import { OrderRepository } from './order.repository';

/** An order can be cancelled until its sample is with the lab; after that the lab's work stands. */
const CANCELLABLE: readonly OrderStatus[] = ['ordered', 'requisition_created'];

/**
 * `POST /v3/order/:orderId/cancel`. seed 004 transaction rules: cancelling the initial order (no
 * redraw yet) cancels the transaction; cancelling the redraw leaves the initial order's results final,
 * so the transaction is completed. An initial order in redraw_available expects no further updates.
 */
@Injectable()
export class CancelOrderUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly changes: OrderChangePublisher,
    private readonly inbox: PgInbox,
  ) {}

  async execute(request: CommandRequest, ctx: KafkaMessageContext): Promise<OrderView> {
    const { principal, input } = authenticatedInput(OrderIdInput, request);
    const clientId = clientIdOf(principal);
    const found = await this.orders.findOwned(principal.labId, clientId, input.orderId);
    if (!found) throw OrderErrors.orderNotFound();
    return applyOnce(this.dataSource, this.inbox, 'order.cancel', ctx, async (manager) => {
      await this.orders.lockTransaction(manager, principal.labId, found.transactionId);
      const order = await this.orders.findOwned(principal.labId, clientId, input.orderId, manager, true);
      if (!order) throw OrderErrors.orderNotFound();
      if (order.status === 'cancelled') throw OrderErrors.alreadyCancelled();
      if (!CANCELLABLE.includes(order.status)) throw OrderErrors.notCancellable(order.status);
      const cancelled = await this.orders.changeStatus(manager, order, 'cancelled');
      return this.changes.updated(manager, cancelled, ctx.causedContext);
    });
  }
}
