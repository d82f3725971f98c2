import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { OrderView, WebhookEventType } from '@labflow/contracts';
import { ORDERS_CONFIG, OrdersConfig, retrySchedule } from '../orders.config';
import { OrdersUnitOfWork } from '../orders-unit-of-work';

/**
 * Writes one delivery per subscribed endpoint in the caller's unit of work: the order change and its
 * webhooks commit together. The body is frozen as text so every retry signs the same bytes.
 */
@Injectable()
export class WebhookOutbox {
  private readonly firstDelayMs: number;

  constructor(@Inject(ORDERS_CONFIG) config: OrdersConfig) {
    this.firstDelayMs = retrySchedule(config)[0];
  }

  async enqueue(unit: OrdersUnitOfWork, clientId: string, eventType: WebhookEventType, order: OrderView, labId: number): Promise<void> {
    const endpoints = await unit.webhookEndpoints.subscribed(labId, clientId, eventType);
    for (const endpoint of endpoints) {
      const body = JSON.stringify({ event_type: eventType, client_user_id: order.client_user_id, data: order });
      await unit.webhookDeliveries.insert({
        id: randomUUID(), messageId: `msg_${randomUUID().replace(/-/g, '')}`, endpointId: endpoint.id, labId, clientId,
        eventType, orderId: order.id, sequence: order.sequence, body, firstDelayMs: this.firstDelayMs,
      });
    }
  }
}
