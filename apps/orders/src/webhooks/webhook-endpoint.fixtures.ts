import { inMemoryOrdersUnit, LAB } from '../in-memory-orders.fake';
import { OrdersConfig } from '../orders.config';
import { WebhookSecretBox } from './webhook-secret-box';

/** The orders config of the endpoint control specs: a 60 s rotation grace period. */
export const controlsConfig = Object.assign(new OrdersConfig(), { WEBHOOK_SECRET_ROTATION_GRACE_S: 60 });
export const controlsBox = new WebhookSecretBox(controlsConfig.WEBHOOK_SECRET_KEY);

/** An orders unit with client-a's endpoint e-1, its secret sealed. */
export async function unitWithEndpoint() {
  const unit = inMemoryOrdersUnit();
  await unit.webhookEndpoints.insert({
    id: 'e-1', labId: LAB, clientId: 'client-a', url: 'https://93.184.216.34/h', eventTypes: ['labtest.order.created'], secret: controlsBox.seal('whsec_b2xk', 'e-1'),
  });
  return unit;
}
