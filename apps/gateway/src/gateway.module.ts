import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TokenVerifier } from '@labflow/platform/auth';
import { APP_CONFIG, PlatformModule } from '@labflow/platform/service';
import { AuthGuard } from './auth/auth.guard';
import { BusModule } from './bus/bus.module';
import { GatewayConfig } from './gateway.config';
import { DownstreamHealth } from './health/downstream-health';
import { JsonErrorFilter } from './http/error.filter';
import { createValidationPipe } from './http/validation';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { ROUTE_CONTROLLERS } from './routes';

export function gatewayModule(config: GatewayConfig) {
  @Module({
    imports: [PlatformModule.forRoot({ app: 'gateway', config, redis: true, httpEdge: true }), BusModule],
    controllers: ROUTE_CONTROLLERS,
    providers: [
      DownstreamHealth,
      {
        provide: TokenVerifier,
        inject: [APP_CONFIG],
        useFactory: (c: GatewayConfig) => new TokenVerifier({
          hsSecret: c.JWKS_URL ? undefined : c.JWT_SECRET,
          jwksUrl: c.JWKS_URL || undefined,
          issuer: c.JWT_ISSUER || undefined,
          audience: c.JWT_AUDIENCE || undefined,
        }),
      },
      { provide: APP_GUARD, useClass: AuthGuard },
      // after AuthGuard: it counts per caller, known once the token is checked
      { provide: APP_GUARD, useClass: RateLimitGuard },
      { provide: APP_PIPE, useFactory: createValidationPipe },
      { provide: APP_FILTER, useClass: JsonErrorFilter },
    ],
  })
  class GatewayModule {}
  return GatewayModule;
}
