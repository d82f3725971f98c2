import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CommandRequest, PlaceOrderInput, PlaceOrderResult } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { applyOnce } from './apply-once';
import { OrderChangePublisher } from './order-change.publisher';
import { clientIdOf } from './order.model';
import { OrderRepository } from './order.repository';

/** seed 004: placing an order creates its order transaction; the reply carries both ids. */
@Injectable()
export class PlaceOrderUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly changes: OrderChangePublisher,
    private readonly inbox: PgInbox,
  ) {}

  async execute(request: CommandRequest, ctx: KafkaMessageContext): Promise<PlaceOrderResult> {
    const { principal, input } = authenticatedInput(PlaceOrderInput, request);
    const clientId = clientIdOf(principal);
    return applyOnce(this.dataSource, this.inbox, 'order.place', ctx, async (manager) => {
      const transactionId = randomUUID();
      await this.orders.insertTransaction(manager, { id: transactionId, labId: principal.labId, clientId });
      const order = await this.orders.insertOrder(manager, {
        id: randomUUID(), labId: principal.labId, clientId, transactionId, origin: 'initial', parentId: null,
        performingLab: input.lab, walkIn: input.walk_in, clientUserId: input.client_user_id ?? null,
        patient: { ...input.patient_details }, biomarkers: input.biomarkers,
      });
      const view = await this.changes.created(manager, order, ctx.causedContext);
      return { status: 'success' as const, message: 'Order created', order_id: order.id, order_transaction_id: transactionId, order: view };
    });
  }
}
