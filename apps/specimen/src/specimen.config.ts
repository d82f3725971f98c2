import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { toBoolean } from '@labflow/platform/config';
import { DEFAULT_PORTS, ServiceConfig } from '@labflow/platform/service';

/** The specimen app's settings; the seed 003 party rules are on unless switched off. */
export class SpecimenConfig extends ServiceConfig {
  override PORT = DEFAULT_PORTS['specimen'];
  /** seed 003: refuse users whose party is NOT_VERIFIED for longer than the grace period. */
  @Transform(toBoolean) @IsBoolean() BLOCK_UNVERIFIED_PARTY_USERS: boolean = true;
  @Type(() => Number) @IsInt() @Min(0) @Max(3650) UNVERIFIED_PARTY_PERIOD_DAYS_ALLOWED = 30;
  /** seed 003: refuse users whose party's death was confirmed manually. */
  @Transform(toBoolean) @IsBoolean() BLOCK_DECEASED_PARTY_USERS: boolean = true;
  /** How often the job worker looks for pending jobs when idle. */
  @Type(() => Number) @IsInt() @Min(10) @Max(60_000) JOB_POLL_MS = 200;
  /** Attempts of a job whose processing fails unexpectedly before it is marked failed. */
  @Type(() => Number) @IsInt() @Min(1) @Max(100) JOB_MAX_ATTEMPTS = 5;
}
