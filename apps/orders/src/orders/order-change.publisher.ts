import { Injectable } from '@nestjs/common';
import { OrderView, TOPICS } from '@labflow/contracts';
import { OrdersUnitOfWork } from '../orders-unit-of-work';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { OrderRecord } from './order.model';
import { orderViewOf } from './order-views';

/**
 * Every order change leaves through the outboxes of its unit of work: `order.created` /
 * `order.updated` on Kafka and `labtest.order.created` / `labtest.order.updated` webhooks (seed 004),
 * each carrying the order's sequence number so a receiver can drop a stale update.
 */
@Injectable()
export class OrderChangePublisher {
  constructor(private readonly webhooks: WebhookOutbox) {}

  async created(unit: OrdersUnitOfWork, order: OrderRecord): Promise<OrderView> {
    const view = await orderViewOf(unit.orders, order);
    await unit.publish(TOPICS.orderCreated, {
      orderId: order.id, orderTransactionId: order.transactionId, labId: order.labId, clientId: order.clientId,
      origin: order.origin, parentId: order.parentId, performingLab: order.performingLab, biomarkers: order.biomarkers,
      sequence: order.sequence, createdAt: view.created_at,
      patient: { firstName: order.patient.first_name, lastName: order.patient.last_name, dob: order.patient.dob, gender: patientGender(order.patient.gender) },
    });
    await this.webhooks.enqueue(unit, order.clientId, 'labtest.order.created', view, order.labId);
    return view;
  }

  async updated(unit: OrdersUnitOfWork, order: OrderRecord): Promise<OrderView> {
    const view = await orderViewOf(unit.orders, order);
    await unit.publish(TOPICS.orderUpdated, {
      orderId: order.id, orderTransactionId: order.transactionId, labId: order.labId, origin: order.origin,
      status: order.status, transactionStatus: view.order_transaction.status, sequence: order.sequence, updatedAt: view.updated_at,
    });
    await this.webhooks.enqueue(unit, order.clientId, 'labtest.order.updated', view, order.labId);
    return view;
  }
}

function patientGender(gender: string): 'female' | 'male' | 'other' | 'unknown' {
  return gender === 'female' || gender === 'male' || gender === 'other' ? gender : 'unknown';
}
