import { createRemoteJWKSet, jwtVerify, JWTVerifyGetKey } from 'jose';
import { Principal } from '@labflow/contracts';
import { principalFromClaims } from './claims';
import { VerifiedTokens } from './verified-tokens';

export interface TokenVerifierOptions {
  /** Dev/test: HS256 shared secret. */
  hsSecret?: string;
  /** Production: RS256/ES256 keys published at this JWKS URL. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

/**
 * Verifies a bearer token and returns its principal, or null when it is invalid or expired. A token
 * verified once is trusted until it expires, for a minute at most (VerifiedTokens).
 */
export class TokenVerifier {
  private readonly jwks: JWTVerifyGetKey | null;
  private readonly secret: Uint8Array | null;
  private readonly verified = new VerifiedTokens({ maxEntries: 10_000, maxAgeMs: 60_000 });

  constructor(private readonly options: TokenVerifierOptions) {
    this.jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : null;
    this.secret = options.hsSecret ? new TextEncoder().encode(options.hsSecret) : null;
    if (!this.jwks && !this.secret) throw new Error('TokenVerifier needs a JWKS URL or an HS256 secret');
  }

  async verify(token: string): Promise<Principal | null> {
    const known = this.verified.get(token);
    if (known) return known;
    try {
      const common = { issuer: this.options.issuer, audience: this.options.audience, clockTolerance: 5 };
      const { payload } = this.jwks
        ? await jwtVerify(token, this.jwks, { ...common, algorithms: ['RS256', 'ES256'] })
        : await jwtVerify(token, this.secret as Uint8Array, { ...common, algorithms: ['HS256'] });
      if (typeof payload.exp !== 'number') return null; // tokens must expire
      const principal = principalFromClaims(payload as Record<string, unknown>);
      if (principal) this.verified.remember(token, principal, payload.exp * 1000);
      return principal;
    } catch {
      return null;
    }
  }
}
