import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CommandRequest, RegisteredWebhookEndpoint, RegisterWebhookEndpointInput } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { ORDERS_CONFIG, OrdersConfig, webhookUrlPolicy } from '../orders.config';
import { applyOnce } from '../orders/apply-once';
import { OrderErrors } from '../orders/order.errors';
import { clientIdOf } from '../orders/order.model';
import { iso } from '../orders/order-views';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { WebhookSecretBox } from './webhook-secret-box';
import { newWebhookSecret } from './webhook-signature';
import { webhookUrlRefusal } from './webhook-url-policy';

/** A client registers where its order webhooks go and which event types it wants. */
@Injectable()
export class RegisterWebhookEndpointUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly inbox: PgInbox,
    private readonly secrets: WebhookSecretBox,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
  ) {}

  async execute(request: CommandRequest, ctx: KafkaMessageContext): Promise<RegisteredWebhookEndpoint> {
    const { principal, input } = authenticatedInput(RegisterWebhookEndpointInput, request);
    const refusal = await webhookUrlRefusal(input.url, webhookUrlPolicy(this.config));
    if (refusal) throw OrderErrors.webhookUrlRefused(refusal);
    // The stored reply (a repeated request answers it) keeps the secret sealed like the endpoint row;
    // the caller is shown it in clear, once per answer.
    const sealed = await applyOnce(this.dataSource, this.inbox, 'webhook_endpoint.register', ctx, async (manager) => {
      const id = randomUUID();
      const endpoint = await this.endpoints.insert(manager, {
        id, labId: principal.labId, clientId: clientIdOf(principal), url: input.url,
        eventTypes: input.event_types, secret: this.secrets.seal(newWebhookSecret(), id),
      });
      return { id: endpoint.id, url: endpoint.url, event_types: endpoint.eventTypes, secret: endpoint.secret, created_at: iso(endpoint.createdAt) };
    });
    return { ...sealed, secret: this.secrets.open(sealed.secret, sealed.id) };
  }
}
