import { WebhookEndpointView } from '@labflow/contracts';
import { iso } from '../orders/order-views';
import { WebhookEndpointRecord } from './webhook-endpoint.repository';

/** An endpoint as its client sees it (never its secret). */
export function webhookEndpointView(e: WebhookEndpointRecord): WebhookEndpointView {
  return { id: e.id, url: e.url, event_types: e.eventTypes, created_at: iso(e.createdAt), enabled: e.disabledAt === null };
}
