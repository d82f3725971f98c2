import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { DEFAULT_PORTS, ServiceConfig } from '@labflow/platform/service';

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
}

export function redrawLabs(config: OrdersConfig): string[] {
  return config.REDRAW_LABS.split(',');
}

export function retrySchedule(config: OrdersConfig): number[] {
  return config.WEBHOOK_RETRY_SCHEDULE_MS.split(',').map(Number);
}
