import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';
import { toBoolean } from '@labflow/platform/config';
import { DEFAULT_PORTS, ServiceConfig } from '@labflow/platform/service';
import type { WebhookUrlPolicy } from './webhooks/webhook-url-policy';

/** Published in this repository: encrypts webhook secrets in development and tests only. */
export const DEVELOPMENT_WEBHOOK_SECRET_KEY = 'bGFiZmxvdy1sb2NhbC1kZXZlbG9wbWVudC13ZWJob28=';

export const ORDERS_CONFIG = Symbol('ORDERS_CONFIG');

export class OrdersConfig extends ServiceConfig {
  override PORT = DEFAULT_PORTS['orders'];
  /** seed 004: redraws are offered only for walk-in tests with these performing labs. */
  @Matches(/^[a-z0-9_.-]+(,[a-z0-9_.-]+)*$/) REDRAW_LABS = 'labcorp,quest,bioreference';
  /** Delay before each delivery attempt, in ms (first is immediate): 0 s, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
  @Matches(/^\d+(,\d+)*$/) WEBHOOK_RETRY_SCHEDULE_MS = '0,5000,300000,1800000,7200000,18000000,36000000,36000000';
  @Type(() => Number) @IsInt() @Min(100) @Max(60_000) WEBHOOK_TIMEOUT_MS = 15_000;
  @Type(() => Number) @IsInt() @Min(20) @Max(60_000) WEBHOOK_POLL_MS = 250;
  @Type(() => Number) @IsInt() @Min(1) @Max(100) WEBHOOK_CONCURRENCY = 8;
  @IsString() WEBHOOK_USER_AGENT = 'LabFlow-Webhooks/1';
  /** Local development only: accept http:// webhook URLs (production: https only). */
  @Transform(toBoolean) @IsBoolean() WEBHOOK_ALLOW_HTTP: boolean = false;
  /**
   * Accept webhook URLs on loopback and private addresses: tests whose receiver serves on
   * 127.0.0.1, or a lab's receiver on its own network. Cloud metadata addresses are always refused.
   */
  @Transform(toBoolean) @IsBoolean() WEBHOOK_ALLOW_PRIVATE_ADDRESSES: boolean = false;
  /** After a secret rotation, deliveries are signed with the previous secret too for this long (24 h by default). */
  @Type(() => Number) @IsInt() @Min(1) @Max(30 * 86_400) WEBHOOK_SECRET_ROTATION_GRACE_S = 86_400;
  /** AES-256-GCM key (32 bytes, base64) that encrypts endpoint signing secrets at rest. */
  @ValidateBy({
    name: 'notTheDevelopmentKeyInProduction',
    validator: {
      validate: (value: unknown, args) => !((args?.object as OrdersConfig).NODE_ENV === 'production' && value === DEVELOPMENT_WEBHOOK_SECRET_KEY),
      defaultMessage: () => 'WEBHOOK_SECRET_KEY is the public development key: production sets a key of its own',
    },
  })
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'WEBHOOK_SECRET_KEY must be 32 bytes, base64-encoded' })
  WEBHOOK_SECRET_KEY = DEVELOPMENT_WEBHOOK_SECRET_KEY;
}

export function webhookUrlPolicy(config: OrdersConfig): WebhookUrlPolicy {
  return { allowHttp: config.WEBHOOK_ALLOW_HTTP, allowPrivateAddresses: config.WEBHOOK_ALLOW_PRIVATE_ADDRESSES };
}

export function redrawLabs(config: OrdersConfig): string[] {
  return config.REDRAW_LABS.split(',');
}

export function retrySchedule(config: OrdersConfig): number[] {
  return config.WEBHOOK_RETRY_SCHEDULE_MS.split(',').map(Number);
}
