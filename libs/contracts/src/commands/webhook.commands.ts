import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsUrl, IsUUID, MaxLength } from 'class-validator';
import { ApiProperty } from '../openapi';
import { defineCommand } from './command';

/** seed 004: the order webhooks a client can subscribe to. */
export const WEBHOOK_EVENT_TYPES = ['labtest.order.created', 'labtest.order.updated'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export class RegisterWebhookEndpointInput {
  // pattern: a subset of what IsUrl accepts (host labels, the last one starting with a letter, port, path without
  // spaces or <>), so a value it allows is never refused as a URL
  @ApiProperty({
    example: 'https://example.com/webhooks/labflow',
    pattern: '^https?://([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(:([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?(/[!-;=?-~]*)?$',
    description: 'https (http only where the deployment allows it); the host must resolve to a public address',
  })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }) @MaxLength(2000) url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length) @ArrayUnique() @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  event_types: WebhookEventType[];
}

export class WebhookEndpointIdInput {
  @ApiProperty() @IsUUID() endpointId: string;
}

export interface WebhookEndpointView {
  id: string;
  url: string;
  event_types: WebhookEventType[];
  created_at: string;
  /** False while the endpoint is disabled: nothing is delivered to it. */
  enabled: boolean;
}

export interface RegisteredWebhookEndpoint extends WebhookEndpointView {
  /** `whsec_<base64>`: the HMAC-SHA256 key is the base64-decoded part. Shown once. */
  secret: string;
}

export interface RotatedWebhookSecret {
  /** The endpoint's id. */
  id: string;
  /** The new `whsec_<base64>` secret. Shown once. */
  secret: string;
  /** Until then deliveries carry a signature with the previous secret too (ISO 8601). */
  previous_secret_expires_at: string;
}

export interface WebhookAttemptView {
  message_id: string;
  event_type: WebhookEventType;
  order_id: string;
  attempt: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  attempted_at: string;
}

export interface WebhookDeliveryView {
  message_id: string;
  event_type: WebhookEventType;
  order_id: string;
  sequence: number;
  status: 'pending' | 'delivered' | 'exhausted';
  attempts: WebhookAttemptView[];
}

export const WEBHOOK_COMMANDS = {
  register: defineCommand<RegisterWebhookEndpointInput, RegisteredWebhookEndpoint>('orders', 'webhook_endpoint.register'),
  list: defineCommand<Record<string, never>, { data: WebhookEndpointView[] }>('orders', 'webhook_endpoint.list'),
  deliveries: defineCommand<WebhookEndpointIdInput, { data: WebhookDeliveryView[] }>('orders', 'webhook_endpoint.deliveries'),
  rotateSecret: defineCommand<WebhookEndpointIdInput, RotatedWebhookSecret>('orders', 'webhook_endpoint.rotate_secret'),
  disable: defineCommand<WebhookEndpointIdInput, WebhookEndpointView>('orders', 'webhook_endpoint.disable'),
  enable: defineCommand<WebhookEndpointIdInput, WebhookEndpointView>('orders', 'webhook_endpoint.enable'),
} as const;
