import { Injectable } from '@nestjs/common';
import { WEBHOOK_COMMANDS, WebhookEndpointIdInput, WebhookEndpointView } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { OrdersUnitOfWork } from '../orders-unit-of-work';
import { orderError } from '../orders/order.errors';
import { clientIdOf } from '../orders/order.model';
import { webhookEndpointView } from './webhook-endpoint-view';

async function setEnabled(command: Command<WebhookEndpointIdInput>, unit: OrdersUnitOfWork, enabled: boolean): Promise<WebhookEndpointView> {
  const endpoint = await unit.webhookEndpoints.find(command.labId, clientIdOf(command.principal), command.input.endpointId);
  if (!endpoint) throw orderError('WEBHOOK_ENDPOINT_NOT_FOUND');
  return webhookEndpointView(await unit.webhookEndpoints.setEnabled(endpoint.id, enabled));
}

/**
 * Disables one of the caller's endpoints: order changes from then on are not queued for it (skipped,
 * not kept for later), and deliveries queued before wait unsent until it is enabled again. Disabling
 * a disabled endpoint changes nothing.
 */
@Injectable()
@HandlesCommand(WEBHOOK_COMMANDS.disable, WebhookEndpointIdInput, { status: 200 })
export class DisableWebhookEndpointUseCase {
  execute(command: Command<WebhookEndpointIdInput>, unit: OrdersUnitOfWork): Promise<WebhookEndpointView> {
    return setEnabled(command, unit, false);
  }
}

/** Enables an endpoint again: the deliveries it had waiting are sent, and new order changes are queued for it. */
@Injectable()
@HandlesCommand(WEBHOOK_COMMANDS.enable, WebhookEndpointIdInput, { status: 200 })
export class EnableWebhookEndpointUseCase {
  execute(command: Command<WebhookEndpointIdInput>, unit: OrdersUnitOfWork): Promise<WebhookEndpointView> {
    return setEnabled(command, unit, true);
  }
}
