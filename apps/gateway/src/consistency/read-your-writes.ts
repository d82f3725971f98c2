import { HttpException, Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppName, CommandReply, decodeConsistencyTokens, encodeConsistencyToken, Principal, WrittenEvent } from '@labflow/contracts';
import { APP_CONFIG } from '@labflow/platform/service';
import { GatewayConfig } from '../gateway.config';
import { consistencyTracking } from './consistency-metrics';
import { CallerWritesStore } from './caller-writes.store';
import { CONSISTENCY_HEADER, CONSISTENCY_TOKEN_HEADER, SERVER_TIMING_HEADER, setConsistencyHeader } from './consistency-headers';
import { callerKeyOf } from './caller-key';

/** What a command carries to its app, and what to settle once the app answered. */
export interface Awaited {
  caller: string | null;
  app: AppName;
  pending: WrittenEvent[];
  awaits: WrittenEvent[];
}

/**
 * Read your writes at the edge (docs/architecture.md): a command carries the caller's writes its app
 * has not been seen to apply, plus any token the client sends; a write's reply is remembered for the
 * caller and returned as `X-Consistency-Token`. Redis being down never fails a call: the write is
 * answered (its token still in the header), a read says `X-Consistency: unverified`.
 */
@Injectable()
export class ReadYourWrites {
  private readonly logger = new Logger('ReadYourWrites');

  private readonly tracking: boolean;

  constructor(private readonly store: CallerWritesStore, @Inject(APP_CONFIG) config: GatewayConfig) {
    this.tracking = config.CONSISTENCY_TRACKING;
  }

  async before(request: FastifyRequest, app: AppName, principal: Principal | null, callerIdentity?: string): Promise<Awaited> {
    const explicit = explicitTokens(request);
    const caller = this.tracking ? callerKeyOf(principal, callerIdentity) : null;
    let pending: WrittenEvent[] = [];
    if (caller) {
      try {
        pending = await this.store.pending(caller, app);
      } catch (error) {
        this.untracked('read', error);
        setConsistencyHeader(request, CONSISTENCY_HEADER, 'unverified');
      }
    }
    return { caller, app, pending, awaits: unique([...pending, ...explicit]) };
  }

  async after(request: FastifyRequest, awaited: Awaited, reply: CommandReply): Promise<void> {
    if (reply.waitedMs !== undefined) setConsistencyHeader(request, SERVER_TIMING_HEADER, `consistency;dur=${reply.waitedMs}`);
    if (reply.stale) {
      setConsistencyHeader(request, CONSISTENCY_HEADER, 'stale');
      consistencyTracking.inc({ outcome: 'stale' });
    } else if (awaited.caller && awaited.pending.length > 0) {
      this.store.settle(awaited.caller, awaited.app, awaited.pending).catch((error: unknown) => this.untracked('settle', error));
    }
    const written = reply.ok ? reply.written ?? [] : [];
    if (written.length === 0) return;
    setConsistencyHeader(request, CONSISTENCY_TOKEN_HEADER, encodeConsistencyToken(written));
    if (!awaited.caller) return;
    try {
      await this.store.remember(awaited.caller, written);
    } catch (error) {
      this.untracked('remember', error);
    }
  }

  private untracked(step: 'read' | 'remember' | 'settle', error: unknown): void {
    consistencyTracking.inc({ outcome: `redis_${step}_failed` });
    this.logger.warn(`read-your-writes ${step} failed: ${(error as Error).message}`);
  }
}

function explicitTokens(request: FastifyRequest): WrittenEvent[] {
  const header = request.headers[CONSISTENCY_TOKEN_HEADER];
  if (header === undefined) return [];
  const events = typeof header === 'string' ? decodeConsistencyTokens(header) : null;
  if (!events) {
    throw new HttpException({ statusCode: 400, message: `Invalid ${CONSISTENCY_TOKEN_HEADER} header`, code: 'INVALID_CONSISTENCY_TOKEN' }, 400);
  }
  return events;
}

function unique(events: WrittenEvent[]): WrittenEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => !seen.has(e.id) && seen.add(e.id));
}
