import { Module } from '@nestjs/common';
import { PlatformModule } from '@labflow/platform/service';
import { MIGRATIONS, SCHEMA } from './migrations';
import { ORDERS_CONFIG, OrdersConfig } from './orders.config';
import { CancelOrderUseCase } from './orders/cancel-order.usecase';
import { OrderChangePublisher } from './orders/order-change.publisher';
import { OrderRepository } from './orders/order.repository';
import { OrderViews } from './orders/order-views';
import { OrdersHandler } from './orders/orders.handler';
import { PlaceOrderUseCase } from './orders/place-order.usecase';
import { GetOrderResultUseCase } from './orders/get-order-result.usecase';
import { GetOrderTransactionResultUseCase } from './orders/get-order-transaction-result.usecase';
import { GetOrderTransactionUseCase } from './orders/get-order-transaction.usecase';
import { GetOrderUseCase } from './orders/get-order.usecase';
import { OwnedOrders } from './orders/owned-order';
import { RecordLabResultsUseCase } from './orders/record-lab-results.usecase';
import { UpdateLabStatusUseCase } from './orders/update-lab-status.usecase';
import { ListWebhookDeliveriesUseCase } from './webhooks/list-webhook-deliveries.usecase';
import { ListWebhookEndpointsUseCase } from './webhooks/list-webhook-endpoints.usecase';
import { RegisterWebhookEndpointUseCase } from './webhooks/register-webhook-endpoint.usecase';
import { WebhookDeliveryRepository } from './webhooks/webhook-delivery.repository';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookEndpointRepository } from './webhooks/webhook-endpoint.repository';
import { WebhookOutbox } from './webhooks/webhook-outbox';
import { WebhookSecretBox } from './webhooks/webhook-secret-box';
import { WebhookSecretSealer } from './webhooks/webhook-secret-sealer';
import { WebhooksHandler } from './webhooks/webhooks.handler';

export function ordersModule(config: OrdersConfig) {
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'orders', config,
        postgres: { schema: SCHEMA, entities: [], migrations: MIGRATIONS },
      }),
    ],
    controllers: [OrdersHandler, WebhooksHandler],
    providers: [
      { provide: ORDERS_CONFIG, useValue: config },
      { provide: WebhookSecretBox, useValue: new WebhookSecretBox(config.WEBHOOK_SECRET_KEY) },
      WebhookSecretSealer,
      OrderRepository, OrderViews, OrderChangePublisher,
      OwnedOrders, PlaceOrderUseCase, GetOrderUseCase, GetOrderResultUseCase, CancelOrderUseCase,
      GetOrderTransactionUseCase, GetOrderTransactionResultUseCase,
      UpdateLabStatusUseCase, RecordLabResultsUseCase,
      WebhookEndpointRepository, WebhookDeliveryRepository, WebhookOutbox, WebhookDispatcher,
      RegisterWebhookEndpointUseCase, ListWebhookEndpointsUseCase, ListWebhookDeliveriesUseCase,
    ],
  })
  class AppModule {}
  return AppModule;
}
