import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { ServiceConfig } from '@labflow/platform/service';

export class GatewayConfig extends ServiceConfig {
  override PORT = 3000;
  /** Dev/test HS256 secret; production sets JWKS_URL instead. */
  @IsOptional() @IsString() @MinLength(16) JWT_SECRET: string = 'labflow-local-development-secret';
  @IsOptional() @IsString() JWKS_URL = '';
  @IsOptional() @IsString() JWT_ISSUER = '';
  @IsOptional() @IsString() JWT_AUDIENCE = '';

  /** Rate limits (docs/operations.md): requests per window, counted in Redis across instances; 0 = off. */
  @Type(() => Number) @IsInt() @Min(1) @Max(3600) RATE_LIMIT_WINDOW_SECONDS = 60;
  /** Per caller: a token's subject in its lab (and client). 20 requests/s sustained. */
  @Type(() => Number) @IsInt() @Min(0) RATE_LIMIT_PER_CALLER = 1200;
  /** Per device token on `POST /dataPartialFromDevice/`: a rack of hundreds of uploads in seconds passes. */
  @Type(() => Number) @IsInt() @Min(0) RATE_LIMIT_PER_DEVICE = 6000;
}
