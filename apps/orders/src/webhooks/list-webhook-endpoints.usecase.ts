import { Injectable } from '@nestjs/common';
import { CommandRequest, ListWebhookEndpointsInput, WebhookEndpointView } from '@labflow/contracts';
import { authenticatedInput } from '@labflow/platform/service';
import { clientIdOf } from '../orders/order.model';
import { iso } from '../orders/order-views';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';

/** The caller's webhook endpoints (secrets are shown only at registration). */
@Injectable()
export class ListWebhookEndpointsUseCase {
  constructor(private readonly endpoints: WebhookEndpointRepository) {}

  async execute(request: CommandRequest): Promise<{ data: WebhookEndpointView[] }> {
    const { principal } = authenticatedInput(ListWebhookEndpointsInput, request);
    const endpoints = await this.endpoints.list(principal.labId, clientIdOf(principal));
    return { data: endpoints.map((e) => ({ id: e.id, url: e.url, event_types: e.eventTypes, created_at: iso(e.createdAt) })) };
  }
}
