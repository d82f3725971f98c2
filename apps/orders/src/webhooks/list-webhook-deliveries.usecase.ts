import { Injectable } from '@nestjs/common';
import { WEBHOOK_COMMANDS, WebhookDeliveryView, WebhookEndpointIdInput } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { OrdersUnitOfWork } from '../orders-unit-of-work';
import { orderError } from '../orders/order.errors';
import { clientIdOf } from '../orders/order.model';
import { iso } from '../orders/order-views';

/** Every message sent to one of the caller's endpoints, with every attempt (status code, error, duration). */
@Injectable()
@HandlesQuery(WEBHOOK_COMMANDS.deliveries, WebhookEndpointIdInput)
export class ListWebhookDeliveriesUseCase {
  async execute(command: Command<WebhookEndpointIdInput>, unit: OrdersUnitOfWork): Promise<{ data: WebhookDeliveryView[] }> {
    const endpoint = await unit.webhookEndpoints.find(command.labId, clientIdOf(command.principal), command.input.endpointId);
    if (!endpoint) throw orderError('WEBHOOK_ENDPOINT_NOT_FOUND');
    const rows = await unit.webhookDeliveries.ofEndpoint(endpoint.id);
    return {
      data: rows.map((d) => ({
        message_id: d.messageId, event_type: d.eventType, order_id: d.orderId, sequence: d.sequence, status: d.status,
        attempts: d.attempts.map((a) => ({
          message_id: d.messageId, event_type: d.eventType, order_id: d.orderId, attempt: a.attempt,
          status_code: a.statusCode, error: a.error, duration_ms: a.durationMs, attempted_at: iso(a.attemptedAt),
        })),
      })),
    };
  }
}
