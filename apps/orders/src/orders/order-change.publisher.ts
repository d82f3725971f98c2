import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MessageContext, OrderView, TOPICS } from '@labflow/contracts';
import { PgOutbox } from '@labflow/platform/kafka';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { OrderRecord } from './order.model';
import { OrderViews } from './order-views';

/**
 * Every order change leaves through the outboxes of the same transaction: `order.created` /
 * `order.updated` on Kafka and `labtest.order.created` / `labtest.order.updated` webhooks (seed 004),
 * each carrying the order's sequence number so a receiver can drop a stale update.
 */
@Injectable()
export class OrderChangePublisher {
  constructor(private readonly views: OrderViews, private readonly outbox: PgOutbox, private readonly webhooks: WebhookOutbox) {}

  async created(manager: EntityManager, order: OrderRecord, ctx: MessageContext): Promise<OrderView> {
    const view = await this.views.order(order, manager);
    await this.outbox.add(manager, TOPICS.orderCreated, {
      orderId: order.id, orderTransactionId: order.transactionId, labId: order.labId, clientId: order.clientId,
      origin: order.origin, parentId: order.parentId, performingLab: order.performingLab, biomarkers: order.biomarkers,
      sequence: order.sequence, createdAt: view.created_at,
      patient: { firstName: order.patient.first_name, lastName: order.patient.last_name, dob: order.patient.dob, gender: patientGender(order.patient.gender) },
    }, ctx);
    await this.webhooks.enqueue(manager, order.labId, order.clientId, 'labtest.order.created', view);
    return view;
  }

  async updated(manager: EntityManager, order: OrderRecord, ctx: MessageContext): Promise<OrderView> {
    const view = await this.views.order(order, manager);
    await this.outbox.add(manager, TOPICS.orderUpdated, {
      orderId: order.id, orderTransactionId: order.transactionId, labId: order.labId, origin: order.origin,
      status: order.status, transactionStatus: view.order_transaction.status, sequence: order.sequence, updatedAt: view.updated_at,
    }, ctx);
    await this.webhooks.enqueue(manager, order.labId, order.clientId, 'labtest.order.updated', view);
    return view;
  }
}

function patientGender(gender: string): 'female' | 'male' | 'other' | 'unknown' {
  return gender === 'female' || gender === 'male' || gender === 'other' ? gender : 'unknown';
}
