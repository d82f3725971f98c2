import { SignJWT } from 'jose';
import { LabflowClaims } from './claims';

/** Mints an HS256 token the local stack accepts (developer CLI, demo, tests). */
export async function signDevToken(secret: string, claims: LabflowClaims, expiresIn = '12h'): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
