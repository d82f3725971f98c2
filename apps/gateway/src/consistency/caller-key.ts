import { createHash } from 'node:crypto';
import { Principal } from '@labflow/contracts';

/**
 * Who made a write, for read your writes: the whole tenant identity of a bearer token (lab, user,
 * client application, party) or, on a route without one, what authenticates the call (an analyzer's
 * lab and deviceAuth). Hashed: a device token never reaches Redis in clear.
 */
export function callerKeyOf(principal: Principal | null, callerIdentity?: string): string | null {
  if (!principal && !callerIdentity) return null;
  const who = principal
    ? ['user', principal.labId, principal.sub, principal.clientId ?? '', principal.partyId ?? '']
    : ['public', callerIdentity];
  return createHash('sha256').update(JSON.stringify(who)).digest('base64url').slice(0, 32);
}
