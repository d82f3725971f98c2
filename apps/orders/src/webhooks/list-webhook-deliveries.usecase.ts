import { Injectable } from '@nestjs/common';
import { CommandRequest, WebhookDeliveryView, WebhookEndpointIdInput } from '@labflow/contracts';
import { authenticatedInput } from '@labflow/platform/service';
import { OrderErrors } from '../orders/order.errors';
import { clientIdOf } from '../orders/order.model';
import { iso } from '../orders/order-views';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';

/** Every message sent to one of the caller's endpoints, with every attempt (status code, error, duration). */
@Injectable()
export class ListWebhookDeliveriesUseCase {
  constructor(private readonly endpoints: WebhookEndpointRepository, private readonly deliveries: WebhookDeliveryRepository) {}

  async execute(request: CommandRequest): Promise<{ data: WebhookDeliveryView[] }> {
    const { principal, input } = authenticatedInput(WebhookEndpointIdInput, request);
    const endpoint = await this.endpoints.find(principal.labId, clientIdOf(principal), input.endpointId);
    if (!endpoint) throw OrderErrors.webhookEndpointNotFound();
    const rows = await this.deliveries.ofEndpoint(endpoint.id);
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
