import { CanActivate, ExecutionContext, HttpException, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { RedisClient } from '@labflow/platform/persistence';
import { APP_CONFIG, REDIS } from '@labflow/platform/service';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import type { GatewayConfig } from '../gateway.config';
import { FixedWindowCounter } from './fixed-window';
import { RATE_LIMIT_KEY } from './rate-limit.decorators';

interface Subject {
  kind: 'caller' | 'device';
  identity: string;
  limit: number;
}

/**
 * Requests per window, per caller (token subject, lab and client) or per device token, counted in
 * Redis so every gateway instance shares the count. Runs after AuthGuard, so a caller is known.
 * Routes with neither (health, metrics) are not limited. While Redis is unreachable requests pass:
 * an analyzer result is never refused because the counter is down (readiness shows the outage).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger('RateLimit');
  private readonly counter: FixedWindowCounter;
  private lastWarning = 0;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
    @Inject(REDIS) redis: RedisClient,
  ) {
    this.counter = new FixedWindowCounter(redis);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { body?: unknown }>();
    const subject = this.subjectOf(request, this.reflector.get<string>(RATE_LIMIT_KEY, context.getHandler()));
    if (!subject || subject.limit <= 0) return true;
    const windowMs = this.config.RATE_LIMIT_WINDOW_SECONDS * 1000;
    // The identity is hashed: a device token never lands in Redis, and no key names a lab.
    const digest = createHash('sha256').update(subject.identity).digest('base64url').slice(0, 32);
    let count;
    try {
      count = await this.counter.hit(`${subject.kind}:${digest}`, windowMs);
    } catch (error) {
      this.warnOpen(error);
      return true;
    }
    if (count.count <= subject.limit) return true;
    const retryAfter = Math.max(1, Math.ceil(count.resetInMs / 1000));
    throw new HttpException({
      statusCode: 429,
      message: `Too many requests: at most ${subject.limit} per ${this.config.RATE_LIMIT_WINDOW_SECONDS} s for this ${subject.kind}; retry after ${retryAfter} s`,
      code: 'RATE_LIMITED',
      retryAfter: String(retryAfter),
    }, HttpStatus.TOO_MANY_REQUESTS);
  }

  private subjectOf(request: AuthenticatedRequest & { body?: unknown }, key: string | undefined): Subject | null {
    if (key === 'device') {
      const token = (request.body as { deviceAuth?: unknown } | undefined)?.deviceAuth;
      // no token: validation answers 400 (or the device service 401); nothing to count it against
      return typeof token === 'string' && token !== '' ? { kind: 'device', identity: token, limit: this.config.RATE_LIMIT_PER_DEVICE } : null;
    }
    const p = request.principal;
    if (!p) return null;
    return { kind: 'caller', identity: `${p.labId}\u0000${p.sub}\u0000${p.clientId ?? ''}`, limit: this.config.RATE_LIMIT_PER_CALLER };
  }

  private warnOpen(error: unknown): void {
    if (Date.now() - this.lastWarning < 10_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(`rate limits not counted (requests pass): ${(error as Error).message}`);
  }
}
