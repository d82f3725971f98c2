import { Queryable } from '@labflow/platform/kafka';
import { RepositoryOf, UnitOfWork } from '@labflow/platform/handling';
import { OrderRepository } from './orders/order.repository';
import { WebhookDeliveryRepository } from './webhooks/webhook-delivery.repository';
import { WebhookEndpointRepository } from './webhooks/webhook-endpoint.repository';

/** The orders app's repositories (the only code that touches its schema), by their public members so a fake can stand in. */
export interface OrdersRepositories {
  orders: RepositoryOf<OrderRepository>;
  webhookEndpoints: RepositoryOf<WebhookEndpointRepository>;
  webhookDeliveries: RepositoryOf<WebhookDeliveryRepository>;
}

export type OrdersUnitOfWork = UnitOfWork<OrdersRepositories>;

export const ordersRepositories = (session: Queryable): OrdersRepositories => ({
  orders: new OrderRepository(session),
  webhookEndpoints: new WebhookEndpointRepository(session),
  webhookDeliveries: new WebhookDeliveryRepository(session),
});
