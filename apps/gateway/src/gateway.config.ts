import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength, ValidateBy, ValidateIf } from 'class-validator';
import { toBoolean } from '@labflow/platform/config';
import { ServiceConfig } from '@labflow/platform/service';

/** Published in this repository (tests, tools, README): anyone can sign a token with it. */
export const DEVELOPMENT_JWT_SECRET = 'labflow-local-development-secret';

const inProduction = (c: GatewayConfig) => c.NODE_ENV === 'production';

export class GatewayConfig extends ServiceConfig {
  override PORT = 3000;
  /** Dev/test HS256 secret; production sets JWKS_URL instead (DESIGN §4). */
  @ValidateBy({
    name: 'notTheDevelopmentSecretInProduction',
    validator: {
      // only where it is used: with a JWKS URL the secret verifies nothing
      validate: (value: unknown, args) => {
        const c = args?.object as GatewayConfig;
        return !(inProduction(c) && !c.JWKS_URL && value === DEVELOPMENT_JWT_SECRET);
      },
      defaultMessage: () => 'JWT_SECRET is the public development secret, which anyone can sign tokens with: not in production',
    },
  })
  @IsOptional() @IsString() @MinLength(16) JWT_SECRET: string = DEVELOPMENT_JWT_SECRET;
  /** RS256/ES256 keys of the identity provider; required when NODE_ENV=production. */
  @ValidateIf((c: GatewayConfig) => inProduction(c) || c.JWKS_URL !== '')
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true }, {
    message: 'JWKS_URL must be the URL of the identity provider\'s keys when NODE_ENV=production (HS256 with JWT_SECRET is for development and tests)',
  })
  JWKS_URL = '';
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

  /** Rate limits (docs/operations.md): requests per window, counted in Redis across instances; 0 = off. */
  @Type(() => Number) @IsInt() @Min(1) @Max(3600) RATE_LIMIT_WINDOW_SECONDS = 60;
  /** Per caller: a token's subject in its lab (and client). 20 requests/s sustained. */
  @Type(() => Number) @IsInt() @Min(0) RATE_LIMIT_PER_CALLER = 1200;
  /** Per device token on `POST /dataPartialFromDevice/`: a rack of hundreds of uploads in seconds passes. */
  @Type(() => Number) @IsInt() @Min(0) RATE_LIMIT_PER_DEVICE = 6000;
}
