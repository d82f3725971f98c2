import { Injectable } from '@nestjs/common';
import { CommandRequest, WebhookEndpointView } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { clientIdOf } from '../orders/order.model';
import { iso } from '../orders/order-views';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';

/** The caller's webhook endpoints (secrets are shown only at registration). */
@Injectable()
export class ListWebhookEndpointsUseCase {
  constructor(private readonly endpoints: WebhookEndpointRepository) {}

  async execute(request: CommandRequest): Promise<{ data: WebhookEndpointView[] }> {
    // no input to validate (an empty DTO class is an "unknown value" to class-validator): the caller only
    const principal = request?.principal;
    if (!principal) throw new DomainException(401, 'INVALID_TOKEN', 'Invalid access token');
    const endpoints = await this.endpoints.list(principal.labId, clientIdOf(principal));
    return { data: endpoints.map((e) => ({ id: e.id, url: e.url, event_types: e.eventTypes, created_at: iso(e.createdAt) })) };
  }
}
