import { randomUUID } from 'node:crypto';
import { LabflowClaims } from '@labflow/platform/auth';
import { call, eventually, tokenFor } from '@labflow/testing';
import { RegisteredBill } from './registration';

export const PROCESS_SCOPE = 'specimen:process';

/**
 * One lab as seed 003's authorization sees it: an administrator that sets party and legal entity
 * data, and a lab user whose party is VERIFIED and whose client_id is an ACTIVE legal entity.
 */
export interface SpecimenLab {
  labId: number;
  adminToken: string;
  partyId: string;
  clientId: string;
  /** A token of the lab user; claims can be overridden (scope, party_id, client_id…). */
  userToken(claims?: Partial<LabflowClaims>, expiresIn?: string): Promise<string>;
}

export async function specimenLab(labId: number): Promise<SpecimenLab> {
  const adminToken = await tokenFor({ lab_id: labId, sub: 'admin-1', scope: 'party:admin specimen:admin specimen:read' });
  const partyId = randomUUID();
  const clientId = randomUUID();
  await putParty(adminToken, partyId, { verification_status: 'VERIFIED' });
  await putLegalEntity(adminToken, clientId, 'ACTIVE');
  return {
    labId, adminToken, partyId, clientId,
    userToken: (claims = {}, expiresIn = '1h') => tokenFor({
      lab_id: labId, sub: 'user-42', scope: `${PROCESS_SCOPE} specimen:read`, party_id: partyId, client_id: clientId, ...claims,
    }, expiresIn),
  };
}

export async function putParty(adminToken: string, partyId: string, body: Record<string, unknown>): Promise<void> {
  const res = await call('PUT', `/api/parties/${partyId}`, { token: adminToken, body });
  if (res.status !== 200) throw new Error(`party fixture: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function putLegalEntity(adminToken: string, clientId: string, status: string): Promise<void> {
  const res = await call('PUT', `/api/legal-entities/${clientId}`, { token: adminToken, body: { status } });
  if (res.status !== 200) throw new Error(`legal entity fixture: ${res.status} ${JSON.stringify(res.body)}`);
}

export const specimenPath = (patientId: string, specimenId: string) => `/api/patients/${patientId}/specimens/${specimenId}`;
export const actionsPath = (patientId: string, specimenId: string) => `${specimenPath(patientId, specimenId)}/actions/`;

/** The stored specimen (through the gateway), once the registration event has been consumed. */
export async function waitForSpecimens(lab: SpecimenLab, bill: RegisteredBill): Promise<void> {
  for (const s of bill.specimens) {
    await eventually(() => call('GET', specimenPath(bill.patientId, s.specimenId), { token: lab.adminToken }), (r) => r.status === 200);
  }
}

export async function readSpecimen(lab: SpecimenLab, patientId: string, specimenId: string): Promise<Record<string, unknown>> {
  const res = await call('GET', specimenPath(patientId, specimenId), { token: lab.adminToken });
  if (res.status !== 200) throw new Error(`read specimen: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Polls GET /api/jobs/:jobId until the job leaves `pending`. */
export async function settledJob(token: string, jobId: string): Promise<Record<string, any>> {
  const res = await eventually(() => call('GET', `/api/jobs/${jobId}`, { token }), (r) => r.status === 200 && r.body.status !== 'pending');
  return res.body;
}
