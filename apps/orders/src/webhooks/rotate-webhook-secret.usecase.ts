import { Inject, Injectable } from '@nestjs/common';
import { RotatedWebhookSecret, WEBHOOK_COMMANDS, WebhookEndpointIdInput } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { ORDERS_CONFIG, OrdersConfig } from '../orders.config';
import { OrdersUnitOfWork } from '../orders-unit-of-work';
import { orderError } from '../orders/order.errors';
import { clientIdOf } from '../orders/order.model';
import { iso } from '../orders/order-views';
import { WebhookSecretBox } from './webhook-secret-box';
import { newWebhookSecret } from './webhook-signature';

/**
 * A new signing secret for one of the caller's endpoints, shown once (Standard Webhooks style): until
 * `WEBHOOK_SECRET_ROTATION_GRACE_S` has passed, deliveries carry a signature with the previous secret
 * too, so the receiver can switch keys without dropping a delivery. Stored sealed, like at registration.
 */
@Injectable()
@HandlesCommand(WEBHOOK_COMMANDS.rotateSecret, WebhookEndpointIdInput, { status: 200 })
export class RotateWebhookSecretUseCase {
  constructor(private readonly secrets: WebhookSecretBox, @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig) {}

  async execute(command: Command<WebhookEndpointIdInput>, unit: OrdersUnitOfWork): Promise<RotatedWebhookSecret> {
    const endpoint = await unit.webhookEndpoints.find(command.labId, clientIdOf(command.principal), command.input.endpointId);
    if (!endpoint) throw orderError('WEBHOOK_ENDPOINT_NOT_FOUND');
    const sealed = this.secrets.seal(newWebhookSecret(), endpoint.id);
    const expiresAt = await unit.webhookEndpoints.rotateSecret(endpoint.id, sealed, this.config.WEBHOOK_SECRET_ROTATION_GRACE_S);
    return { id: endpoint.id, secret: sealed, previous_secret_expires_at: iso(expiresAt) };
  }

  /** What the caller is answered, first time or repeat: the kept reply with its secret opened. */
  presented(kept: RotatedWebhookSecret): RotatedWebhookSecret {
    return { ...kept, secret: this.secrets.open(kept.secret, kept.id) };
  }
}
