import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { OrderView, WebhookEventType } from '@labflow/contracts';
import { ORDERS_CONFIG, OrdersConfig, retrySchedule } from '../orders.config';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';

/**
 * Writes one delivery per subscribed endpoint in the caller's transaction: the order change and its
 * webhooks commit together. The body is frozen as text so every retry signs the same bytes.
 */
@Injectable()
export class WebhookOutbox {
  private readonly firstDelayMs: number;

  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    @Inject(ORDERS_CONFIG) config: OrdersConfig,
  ) {
    this.firstDelayMs = retrySchedule(config)[0];
  }

  async enqueue(manager: EntityManager, labId: number, clientId: string, eventType: WebhookEventType, order: OrderView): Promise<void> {
    const endpoints = await this.endpoints.subscribed(manager, labId, clientId, eventType);
    for (const endpoint of endpoints) {
      const body = JSON.stringify({ event_type: eventType, client_user_id: order.client_user_id, data: order });
      await this.deliveries.insert(manager, {
        id: randomUUID(), messageId: `msg_${randomUUID().replace(/-/g, '')}`, endpointId: endpoint.id, labId, clientId,
        eventType, orderId: order.id, sequence: order.sequence, body, firstDelayMs: this.firstDelayMs,
      });
    }
  }
}
