import { CommandReply } from '@labflow/contracts';
import { DomainException, UpstreamUnavailableException } from '../errors';

type FailedReply = Extract<CommandReply, { ok: false }>;

/**
 * What a caller throws for another service's failed reply that is not a client error it handles
 * itself: 503/504 is an outage (retried by consumers, passed on to HTTP callers), any other server
 * error stays that error, and an unexpected client error becomes 502 (the caller sent what it should not).
 */
export function replyFailure(reply: FailedReply): DomainException {
  const { code, message } = reply.error;
  if (reply.status === 503 || reply.status === 504) return new UpstreamUnavailableException(reply.status, code, message);
  return new DomainException(reply.status >= 500 ? reply.status : 502, code, message);
}
