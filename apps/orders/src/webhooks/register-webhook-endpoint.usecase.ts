import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CommandRequest, RegisteredWebhookEndpoint, RegisterWebhookEndpointInput } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { applyOnce } from '../orders/apply-once';
import { clientIdOf } from '../orders/order.model';
import { iso } from '../orders/order-views';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { newWebhookSecret } from './webhook-signature';

/** A client registers where its order webhooks go and which event types it wants. */
@Injectable()
export class RegisterWebhookEndpointUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly inbox: PgInbox,
  ) {}

  async execute(request: CommandRequest, ctx: KafkaMessageContext): Promise<RegisteredWebhookEndpoint> {
    const { principal, input } = authenticatedInput(RegisterWebhookEndpointInput, request);
    return applyOnce(this.dataSource, this.inbox, 'webhook_endpoint.register', ctx, async (manager) => {
      const endpoint = await this.endpoints.insert(manager, {
        id: randomUUID(), labId: principal.labId, clientId: clientIdOf(principal), url: input.url,
        eventTypes: input.event_types, secret: newWebhookSecret(),
      });
      return { id: endpoint.id, url: endpoint.url, event_types: endpoint.eventTypes, secret: endpoint.secret, created_at: iso(endpoint.createdAt) };
    });
  }
}
