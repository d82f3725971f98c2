import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { DEFAULT_PORTS, ServiceConfig } from '@labflow/platform/service';

export class CriticalCalloutConfig extends ServiceConfig {
  override PORT = DEFAULT_PORTS['critical-callout'];
  /** Beyond seed 001: minutes a critical value may stay without a done callout before it is overdue. */
  @Type(() => Number) @IsInt() @Min(1) @Max(10080) CRITICAL_CALLOUT_OVERDUE_MINUTES = 60;
  /** How often pending critical values are checked for being overdue. */
  @Type(() => Number) @IsInt() @Min(1) @Max(3600) CRITICAL_CALLOUT_SWEEP_SECONDS = 10;
}
