import { Module } from '@nestjs/common';
import { handlingOf } from '@labflow/platform/handling';
import { PlatformModule } from '@labflow/platform/service';
import { MIGRATIONS, SCHEMA } from './migrations';
import { ORDERS_CONFIG, OrdersConfig } from './orders.config';
import { ordersRepositories } from './orders-unit-of-work';
import { CancelOrderUseCase } from './orders/cancel-order.usecase';
import { GetOrderResultUseCase } from './orders/get-order-result.usecase';
import { GetOrderTransactionResultUseCase } from './orders/get-order-transaction-result.usecase';
import { GetOrderTransactionUseCase } from './orders/get-order-transaction.usecase';
import { GetOrderUseCase } from './orders/get-order.usecase';
import { OrderChangePublisher } from './orders/order-change.publisher';
import { ORDER_ERRORS } from './orders/order.errors';
import { PlaceOrderUseCase } from './orders/place-order.usecase';
import { RecordLabResultsUseCase } from './orders/record-lab-results.usecase';
import { UpdateLabStatusUseCase } from './orders/update-lab-status.usecase';
import { ListWebhookDeliveriesUseCase } from './webhooks/list-webhook-deliveries.usecase';
import { ListWebhookEndpointsUseCase } from './webhooks/list-webhook-endpoints.usecase';
import { RegisterWebhookEndpointUseCase } from './webhooks/register-webhook-endpoint.usecase';
import { RotateWebhookSecretUseCase } from './webhooks/rotate-webhook-secret.usecase';
import { DisableWebhookEndpointUseCase, EnableWebhookEndpointUseCase } from './webhooks/set-webhook-endpoint-enabled.usecase';
import { WebhookDeliveryQueue } from './webhooks/webhook-delivery-queue';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookOutbox } from './webhooks/webhook-outbox';
import { WebhookSecretBox } from './webhooks/webhook-secret-box';
import { WebhookSecretSealer } from './webhooks/webhook-secret-sealer';

export function ordersModule(config: OrdersConfig) {
  const handling = handlingOf({
    errors: ORDER_ERRORS,
    repositories: ordersRepositories,
    useCases: [
      PlaceOrderUseCase, GetOrderUseCase, GetOrderResultUseCase, CancelOrderUseCase, GetOrderTransactionUseCase,
      GetOrderTransactionResultUseCase, UpdateLabStatusUseCase, RecordLabResultsUseCase,
      RegisterWebhookEndpointUseCase, ListWebhookEndpointsUseCase, ListWebhookDeliveriesUseCase,
      RotateWebhookSecretUseCase, DisableWebhookEndpointUseCase, EnableWebhookEndpointUseCase,
    ],
  });
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'orders', config,
        postgres: { schema: SCHEMA, entities: [], migrations: MIGRATIONS },
      }),
    ],
    controllers: handling.controllers,
    providers: [
      { provide: ORDERS_CONFIG, useValue: config },
      { provide: WebhookSecretBox, useValue: new WebhookSecretBox(config.WEBHOOK_SECRET_KEY) },
      WebhookSecretSealer,
      ...handling.providers,
      OrderChangePublisher, WebhookOutbox, WebhookDeliveryQueue, WebhookDispatcher,
    ],
  })
  class AppModule {}
  return AppModule;
}
