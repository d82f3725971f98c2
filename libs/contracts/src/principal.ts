/** Who is calling, as the gateway verified it from the JWT (DESIGN §4). Travels inside commands. */
export type LoginType = 'lab_user' | 'doctor' | 'support' | 'system';

export interface Principal {
  sub: string;
  labId: number;
  loginType: LoginType;
  /** Doctors: 0 = department doctor, 2 = referring doctor (seed 001 scoping). */
  docType: number | null;
  /** Lab users: 0 = session departments, 1 = user department relation (seed 001 scoping). */
  departmentDataType: number | null;
  departmentIds: number[];
  scopes: string[];
  partyId: string | null;
  clientId: string | null;
  name: string | null;
}

/** seed 000: internal (auto) work runs as the system user -1. */
export const SYSTEM_USER_ID = '-1';

export function systemPrincipal(labId: number): Principal {
  return {
    sub: SYSTEM_USER_ID, labId, loginType: 'system', docType: null, departmentDataType: null,
    departmentIds: [], scopes: [], partyId: null, clientId: null, name: 'System',
  };
}
