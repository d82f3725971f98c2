import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RegisteredWebhookEndpoint, RegisterWebhookEndpointInput, WEBHOOK_COMMANDS } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { OrdersUnitOfWork } from '../orders-unit-of-work';
import { clientIdOf } from '../orders/order.model';
import { iso } from '../orders/order-views';
import { newWebhookSecret } from './webhook-signature';

/** A client registers where its order webhooks go and which event types it wants. */
@Injectable()
@HandlesCommand(WEBHOOK_COMMANDS.register, RegisterWebhookEndpointInput, { status: 201 })
export class RegisterWebhookEndpointUseCase {
  async execute(command: Command<RegisterWebhookEndpointInput>, unit: OrdersUnitOfWork): Promise<RegisteredWebhookEndpoint> {
    const endpoint = await unit.webhookEndpoints.insert({
      id: randomUUID(), labId: command.labId, clientId: clientIdOf(command.principal), url: command.input.url,
      eventTypes: command.input.event_types, secret: newWebhookSecret(),
    });
    return { id: endpoint.id, url: endpoint.url, event_types: endpoint.eventTypes, secret: endpoint.secret, created_at: iso(endpoint.createdAt) };
  }
}
