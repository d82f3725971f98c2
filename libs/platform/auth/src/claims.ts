import { LoginType, Principal } from '@labflow/contracts';

/** JWT claims LabFlow reads (DESIGN §4). */
export interface LabflowClaims {
  sub: string;
  lab_id: number;
  login_type: LoginType;
  doc_type?: number;
  department_data_type?: number;
  department_ids?: number[];
  scope?: string;
  party_id?: string;
  client_id?: string;
  name?: string;
}

const LOGIN_TYPES: LoginType[] = ['lab_user', 'doctor', 'support'];

/** Maps verified claims to a principal; null when a required claim is missing or malformed. */
export function principalFromClaims(claims: Record<string, unknown>): Principal | null {
  const labId = Number(claims.lab_id);
  if (typeof claims.sub !== 'string' || claims.sub.length === 0) return null;
  if (!Number.isInteger(labId) || labId <= 0) return null;
  if (!LOGIN_TYPES.includes(claims.login_type as LoginType)) return null;
  const departments = Array.isArray(claims.department_ids) ? claims.department_ids.map(Number) : [];
  if (departments.some((d) => !Number.isInteger(d))) return null;
  const optionalInt = (v: unknown): number | null => (v === undefined || v === null ? null : Number.isInteger(Number(v)) ? Number(v) : null);
  const optionalString = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
  return {
    sub: claims.sub,
    labId,
    loginType: claims.login_type as LoginType,
    docType: optionalInt(claims.doc_type),
    departmentDataType: optionalInt(claims.department_data_type),
    departmentIds: departments,
    scopes: typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [],
    partyId: optionalString(claims.party_id),
    clientId: optionalString(claims.client_id),
    name: optionalString(claims.name),
  };
}
