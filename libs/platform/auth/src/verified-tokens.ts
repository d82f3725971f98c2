import { Principal } from '@labflow/contracts';

export interface VerifiedTokensOptions {
  /** At most this many tokens are remembered (the oldest verified goes first). */
  maxEntries: number;
  /** A token is verified again after this long even if it expires later (a rotated JWKS key is seen within it). */
  maxAgeMs: number;
  now?: () => number;
}

/**
 * Principals of tokens whose signature and claims were verified, by the exact token string, until the
 * token expires or `maxAgeMs` passes, whichever is first. A caller sends the same bearer token with
 * every request, so the signature check runs once per token and minute instead of once per request.
 * Only valid tokens are kept: a forged or expired one is checked (and refused) every time.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();
  private readonly now: () => number;

  constructor(private readonly options: VerifiedTokensOptions) {
    this.now = options.now ?? Date.now;
  }

  get(token: string): Principal | null {
    const entry = this.entries.get(token);
    if (!entry) return null;
    if (entry.until <= this.now()) {
      this.entries.delete(token);
      return null;
    }
    return entry.principal;
  }

  /** `expiresAtMs`: the token's `exp` in milliseconds. */
  remember(token: string, principal: Principal, expiresAtMs: number): void {
    const until = Math.min(expiresAtMs, this.now() + this.options.maxAgeMs);
    if (until <= this.now()) return;
    this.entries.delete(token);
    if (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    // one principal serves every request of the token: nobody may change it
    this.entries.set(token, { principal: deepFreeze(principal), until });
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
