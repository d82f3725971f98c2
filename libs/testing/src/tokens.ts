import { LabflowClaims, signDevToken } from '@labflow/platform/auth';

export const TEST_JWT_SECRET = process.env.JWT_SECRET ?? 'labflow-local-development-secret';

/** A fresh lab id per test file: tests share a stack but never each other's data. */
export function freshLabId(): number {
  return 1_000_000 + Math.floor(Math.random() * 1_000_000_000);
}

export function tokenFor(claims: Partial<LabflowClaims> & { lab_id: number }, expiresIn = '1h'): Promise<string> {
  return signDevToken(TEST_JWT_SECRET, { sub: '7', login_type: 'lab_user', department_ids: [], scope: '', ...claims }, expiresIn);
}
