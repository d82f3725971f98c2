import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RegisteredWebhookEndpoint, RegisterWebhookEndpointInput, WEBHOOK_COMMANDS } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { ORDERS_CONFIG, OrdersConfig, webhookUrlPolicy } from '../orders.config';
import { OrdersUnitOfWork } from '../orders-unit-of-work';
import { orderError } from '../orders/order.errors';
import { clientIdOf } from '../orders/order.model';
import { iso } from '../orders/order-views';
import { WebhookSecretBox } from './webhook-secret-box';
import { newWebhookSecret } from './webhook-signature';
import { webhookUrlRefusal } from './webhook-url-policy';

/**
 * A client registers where its order webhooks go and which event types it wants. A URL that resolves
 * to a private, loopback or link-local address is refused; the signing secret is stored sealed (the
 * endpoint row and the kept reply) and shown in clear only in the answer (`presented`).
 */
@Injectable()
@HandlesCommand(WEBHOOK_COMMANDS.register, RegisterWebhookEndpointInput, { status: 201 })
export class RegisterWebhookEndpointUseCase {
  constructor(private readonly secrets: WebhookSecretBox, @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig) {}

  async execute(command: Command<RegisterWebhookEndpointInput>, unit: OrdersUnitOfWork): Promise<RegisteredWebhookEndpoint> {
    const refusal = await webhookUrlRefusal(command.input.url, webhookUrlPolicy(this.config));
    if (refusal) throw orderError('WEBHOOK_URL_REFUSED', refusal);
    const id = randomUUID();
    const endpoint = await unit.webhookEndpoints.insert({
      id, labId: command.labId, clientId: clientIdOf(command.principal), url: command.input.url,
      eventTypes: command.input.event_types, secret: this.secrets.seal(newWebhookSecret(), id),
    });
    return { id: endpoint.id, url: endpoint.url, event_types: endpoint.eventTypes, secret: endpoint.secret, created_at: iso(endpoint.createdAt), enabled: true };
  }

  /** What the caller is answered, first time or repeat: the kept reply with its secret opened. */
  presented(kept: RegisteredWebhookEndpoint): RegisteredWebhookEndpoint {
    return { ...kept, secret: this.secrets.open(kept.secret, kept.id) };
  }
}
