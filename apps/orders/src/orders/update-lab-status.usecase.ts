import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandRequest, LabStatusInput, OrderStatus, OrderView } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { applyOnce } from './apply-once';
import { OrderChangePublisher } from './order-change.publisher';
import { OrderErrors } from './order.errors';
import { FINAL_STATUSES } from './order.model';
import { OrderRepository } from './order.repository';

/** From which statuses the lab may report each step: the lifecycle only moves forward. */
const ALLOWED_FROM: Record<'requisition_created' | 'sample_received', readonly OrderStatus[]> = {
  requisition_created: ['ordered'],
  sample_received: ['ordered', 'requisition_created'],
};

/**
 * The lab partner integration reports a requisition or a received sample. It acts for the whole lab
 * (tenant), whatever client placed the order; the order must be of the caller's lab.
 */
@Injectable()
export class UpdateLabStatusUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly changes: OrderChangePublisher,
    private readonly inbox: PgInbox,
  ) {}

  async execute(request: CommandRequest, ctx: KafkaMessageContext): Promise<OrderView> {
    const { principal, input } = authenticatedInput(LabStatusInput, request);
    const found = await this.orders.findForLab(principal.labId, input.orderId);
    if (!found) throw OrderErrors.orderNotFound();
    return applyOnce(this.dataSource, this.inbox, 'lab_order.status', ctx, async (manager) => {
      await this.orders.lockTransaction(manager, principal.labId, found.transactionId);
      const order = await this.orders.findForLab(principal.labId, input.orderId, manager, true);
      if (!order) throw OrderErrors.orderNotFound();
      if (FINAL_STATUSES.includes(order.status)) throw OrderErrors.finished(order.status);
      if (!ALLOWED_FROM[input.status].includes(order.status)) throw OrderErrors.invalidTransition(order.status, input.status);
      const updated = await this.orders.changeStatus(manager, order, input.status);
      return this.changes.updated(manager, updated, ctx.causedContext);
    });
  }
}
