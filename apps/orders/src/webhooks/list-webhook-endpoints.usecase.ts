import { Injectable } from '@nestjs/common';
import { WEBHOOK_COMMANDS, WebhookEndpointView } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { OrdersUnitOfWork } from '../orders-unit-of-work';
import { clientIdOf } from '../orders/order.model';
import { webhookEndpointView } from './webhook-endpoint-view';

/** The caller's webhook endpoints (secrets are shown only at registration and rotation). */
@Injectable()
@HandlesQuery(WEBHOOK_COMMANDS.list, null)
export class ListWebhookEndpointsUseCase {
  async execute(command: Command<Record<string, never>>, unit: OrdersUnitOfWork): Promise<{ data: WebhookEndpointView[] }> {
    const endpoints = await unit.webhookEndpoints.list(command.labId, clientIdOf(command.principal));
    return { data: endpoints.map(webhookEndpointView) };
  }
}
