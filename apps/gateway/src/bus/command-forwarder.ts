import { HttpException, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CommandSpec, InputOf, Principal, ResultOf } from '@labflow/contracts';
import { CommandBus } from '@labflow/platform/kafka';
import { requestTraceContext } from '@labflow/platform/service';
import { createHash } from 'node:crypto';
import { ReadYourWrites } from '../consistency/read-your-writes';

export interface ForwardOptions {
  /**
   * The aggregate id a write touches (Kafka key): writes on one aggregate stay in order. Reads leave
   * it out: their command id is the key, so concurrent reads of one report spread over the partitions
   * instead of queueing behind each other on one (docs/performance.md).
   */
  key?: string | number;
  timeoutMs?: number;
  /**
   * Who the caller is on a route without a bearer token (an analyzer's deviceAuth): part of the
   * Idempotency-Key's scope, so two devices using the same key never share a command id.
   */
  callerIdentity?: string;
}

/**
 * Controllers only translate HTTP to a command and the reply back: this is that translation.
 * The service's status and body pass through; an error reply becomes the JSON error body. Each
 * command carries the caller's earlier writes its app must have applied first (ReadYourWrites).
 */
@Injectable()
export class CommandForwarder {
  constructor(@Inject(CommandBus) private readonly bus: CommandBus, private readonly consistency: ReadYourWrites) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async forward<C extends CommandSpec<any, any>>(
    request: FastifyRequest,
    spec: C,
    principal: Principal | null,
    input: InputOf<C>,
    options: ForwardOptions = {},
  ): Promise<{ status: number; body: ResultOf<C> }> {
    const awaited = await this.consistency.before(request, spec.app, principal, options.callerIdentity);
    const reply = await this.bus.send(spec, principal, { ...input }, {
      correlationId: request.id,
      causationId: null,
      key: options.key === undefined ? undefined : String(options.key),
      commandId: idempotentCommandId(request, principal, options.callerIdentity),
      timeoutMs: options.timeoutMs,
      traceContext: requestTraceContext(request),
      awaits: awaited.awaits,
    });
    await this.consistency.after(request, awaited, reply);
    if (reply.ok) return { status: reply.status, body: reply.body };
    throw new HttpException({ statusCode: reply.status, message: reply.error.message, code: reply.error.code }, reply.status);
  }
}

/**
 * `Idempotency-Key` (per caller) becomes a stable command id: the owner applies a retried request
 * once and answers a retry with the stored reply. The caller is the whole tenant identity — lab,
 * user, client application, party — or, without a token, what authenticates the request: two
 * callers that happen to pick the same key must never share a command id (and so a reply).
 */
function idempotentCommandId(request: FastifyRequest, principal: Principal | null, callerIdentity?: string): string | undefined {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || key.length === 0 || key.length > 200) return undefined;
  const caller = principal
    ? ['user', principal.labId, principal.sub, principal.clientId ?? '', principal.partyId ?? '']
    : ['public', callerIdentity ?? ''];
  const hex = createHash('sha256').update(JSON.stringify([...caller, request.method, request.url, key])).digest('hex');
  // formatted as a UUID so it is a valid envelope id
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
