import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { CommonConfig } from '@labflow/platform/config';

/** Config of a service app: the common settings plus where its HTTP (health, metrics) listens. */
export class ServiceConfig extends CommonConfig {
  @IsString() HOST = '127.0.0.1';
  @Type(() => Number) @IsInt() @Min(1) @Max(65535) PORT = 0;
}

/** Default ports of the local stack (gateway 3000). */
export const DEFAULT_PORTS = {
  gateway: 3000,
  reporting: 3101,
  'device-ingestion': 3102,
  rerun: 3103,
  'critical-callout': 3104,
  specimen: 3105,
  orders: 3106,
  audit: 3107,
  'analyzer-bridge': 3108,
  verification: 3109,
  fhir: 3110,
} as const;
