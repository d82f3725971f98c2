import type { FastifyReply, FastifyRequest } from 'fastify';

/** Request and response: the events of a write (response), or writes to wait for, whoever made them (request). */
export const CONSISTENCY_TOKEN_HEADER = 'x-consistency-token';
/**
 * Response: `stale` when the call was served at the wait bound without every earlier write applied;
 * `unverified` when the gateway could not read the caller's earlier writes (Redis unreachable).
 */
export const CONSISTENCY_HEADER = 'x-consistency';

/** Response: `consistency;dur=<ms>`, how long the serving app waited for the caller's earlier writes. */
export const SERVER_TIMING_HEADER = 'server-timing';

const headersOf = new WeakMap<FastifyRequest, Record<string, string>>();

/** Headers for the response to `request`, set when it is sent (success or error alike). */
export function setConsistencyHeader(request: FastifyRequest, name: string, value: string): void {
  headersOf.set(request, { ...headersOf.get(request), [name]: value });
}

/** Called from the gateway's onSend hook: the consistency headers of this response, if any. */
export function applyConsistencyHeaders(request: FastifyRequest, reply: FastifyReply): void {
  const headers = headersOf.get(request);
  if (headers) void reply.headers(headers);
}
