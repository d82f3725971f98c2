import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { toBoolean } from '@labflow/platform/config';
import { ServiceConfig } from '@labflow/platform/service';

export class GatewayConfig extends ServiceConfig {
  override PORT = 3000;
  /** Dev/test HS256 secret; production sets JWKS_URL instead. */
  @IsOptional() @IsString() @MinLength(16) JWT_SECRET: string = 'labflow-local-development-secret';
  @IsOptional() @IsString() JWKS_URL = '';
  @IsOptional() @IsString() JWT_ISSUER = '';
  @IsOptional() @IsString() JWT_AUDIENCE = '';
  /**
   * Read your writes: how long the gateway keeps a caller's written events that their consumers have
   * not yet been seen to apply (docs/architecture.md). Longer than any lag a read should still wait for.
   */
  @Type(() => Number) @IsInt() @Min(1000) @Max(86_400_000) CONSISTENCY_TOKEN_TTL_MS = 600_000;
  /**
   * false: the gateway remembers no caller's writes (no Redis step per call); only a token the client
   * sends is awaited. For a deployment that cannot give the gateway Redis, and the bench's A/B.
   */
  @Transform(toBoolean) @IsOptional() CONSISTENCY_TRACKING: boolean = true;
}
