import { randomUUID } from 'node:crypto';
import type { Hl7Interpretation } from '@labflow/contracts';
import { signDevToken } from '@labflow/platform/auth';
import { expectAnswer } from '../api-client';
import { Gateway } from './gateway-client';
import { CBC_PARAMETERS, cbcFormat, CHEMISTRY_PARAMETERS, chemistryFormat, MorningPatient, Parameter, PATIENTS } from './lab-catalog';
import { Progress } from './progress';

/** The people and systems of the morning, each with the token the local stack gives them. */
export interface Lab {
  labId: number;
  technologist: string;
  partyAdmin: string;
  receptionist: string;
  orderClient: string;
  partnerLab: string;
}

export interface Analyzer {
  id: number;
  name: string;
  deviceAuth: string;
}

export interface PatientVisit {
  patient: MorningPatient;
  patientId: string;
  billId: number;
  cbcSample: string;
  chemistrySample: string;
  cbcReport: number;
  chemistryReport: number;
  specimenIds: string[];
}

export interface Catalog {
  cbcTestId: number;
  chemistryTestId: number;
  haematology: Analyzer;
  chemistry: Analyzer;
}

export async function labTokens(labId: number): Promise<Lab> {
  const secret = process.env.JWT_SECRET ?? 'labflow-local-development-secret';
  const sign = (claims: Record<string, unknown>) => signDevToken(secret, {
    lab_id: labId, sub: '7', login_type: 'lab_user', department_ids: [], scope: '', ...claims,
  }, '2h');
  const partyId = randomUUID();
  const clientId = randomUUID();
  return {
    labId,
    technologist: await sign({ sub: '7', name: 'Dr. Smith' }),
    partyAdmin: await sign({ sub: 'admin-1', scope: 'party:admin specimen:admin specimen:read' }),
    // seed 003: only a VERIFIED party acting for an ACTIVE legal entity may process specimens
    receptionist: await sign({ sub: 'reception-1', scope: 'specimen:process specimen:read', party_id: partyId, client_id: clientId }),
    orderClient: await sign({ sub: 'svc-portal', client_id: 'patient-portal' }),
    partnerLab: await sign({ sub: 'lab', client_id: 'lab-integration', scope: 'orders:lab' }),
  };
}

/** The receptionist's party and legal entity, as an administrator records them (seed 003 party rules). */
export async function setUpReception(gw: Gateway, lab: Lab): Promise<void> {
  const claims = JSON.parse(Buffer.from(lab.receptionist.split('.')[1], 'base64url').toString()) as { party_id: string; client_id: string };
  await gw.expect(200, 'PUT', `/api/parties/${claims.party_id}`, lab.partyAdmin, { verification_status: 'VERIFIED' });
  await gw.expect(200, 'PUT', `/api/legal-entities/${claims.client_id}`, lab.partyAdmin, { status: 'ACTIVE' });
}

async function analyzer(gw: Gateway, lab: Lab, name: string, testId: number, parameters: Parameter[], flags: Record<string, Hl7Interpretation>): Promise<Analyzer> {
  const api = gw.api(lab.technologist);
  const device = expectAnswer(await api.POST('/api-v3/devices', { body: { name } }), 201, 'register analyzer');
  expectAnswer(await api.POST('/api-v3/devices/{id}/mappings', {
    params: { path: { id: device.id } },
    body: { testId, functionName: 'PartialFill', parameters: parameters.map((p) => ({ testName: p.code, index: p.index })), flagInterpretations: flags },
  }), 201, 'map analyzer');
  return { id: device.id, name, deviceAuth: device.deviceAuth };
}

export async function setUpCatalog(gw: Gateway, lab: Lab, progress: Progress): Promise<Catalog> {
  const api = gw.api(lab.technologist);
  const cbc = expectAnswer(await api.POST('/reporting/report-format/create', { body: cbcFormat() }), 201, 'create CBC');
  progress.tick('test created: Complete Blood Count');
  const chem = expectAnswer(await api.POST('/reporting/report-format/create', { body: chemistryFormat() }), 201, 'create chemistry');
  progress.tick('test created: Basic Metabolic Panel');
  // HL7 Table 0078 interpretations of the analyzers' own flags
  const flags: Record<string, Hl7Interpretation> = { H: 'H', L: 'L', HH: 'HH', LL: 'LL' };
  const haematology = await analyzer(gw, lab, 'Sysmex XN-1000', cbc.testId, CBC_PARAMETERS, flags);
  progress.tick(`analyzer ${haematology.id} Sysmex XN-1000 mapped to CBC`);
  const chemistry = await analyzer(gw, lab, 'Roche cobas c 311', chem.testId, CHEMISTRY_PARAMETERS, flags);
  progress.tick(`analyzer ${chemistry.id} Roche cobas c 311 mapped to chemistry`);
  return { cbcTestId: cbc.testId, chemistryTestId: chem.testId, haematology, chemistry };
}

export async function registerPatients(gw: Gateway, lab: Lab, catalog: Catalog, progress: Progress): Promise<PatientVisit[]> {
  const collectedAt = new Date(Date.now() - 90 * 60 * 1000).toISOString();
  const visits: PatientVisit[] = [];
  for (const [i, patient] of PATIENTS.entries()) {
    const tag = `${lab.labId % 100000}-${i + 1}`;
    const cbcSample = `H${tag}`;
    const chemistrySample = `C${tag}`;
    const body = expectAnswer(await gw.api(lab.technologist).POST('/api-v3/registrations', {
      body: {
        patient: { name: patient.name, dateOfBirth: patient.dateOfBirth, gender: patient.gender },
        bill: { doctorId: 21 + (i % 3) },
        samples: [{ sampleId: cbcSample, collectedAt }, { sampleId: chemistrySample, collectedAt }],
        tests: [{ testId: catalog.cbcTestId, sampleId: cbcSample }, { testId: catalog.chemistryTestId, sampleId: chemistrySample }],
      },
    }), 201, `register ${patient.name}`);
    const reports = body.labReports;
    visits.push({
      patient, patientId: body.patientId, billId: body.billId, cbcSample, chemistrySample,
      cbcReport: reports.find((r) => r.testId === catalog.cbcTestId)!.labReportId,
      chemistryReport: reports.find((r) => r.testId === catalog.chemistryTestId)!.labReportId,
      specimenIds: body.samples.map((s) => s.specimenId),
    });
    progress.tick(`registered ${patient.name} (bill ${body.billId})`);
  }
  return visits;
}

/** Reception logs each tube as received: PATCH → durable job → received_time set once (seed 003). */
export async function receiveSpecimens(gw: Gateway, lab: Lab, visits: PatientVisit[], progress: Progress): Promise<void> {
  const receivedTime = new Date(Date.now() - 45 * 60 * 1000).toISOString();
  for (const visit of visits) {
    for (const specimenId of visit.specimenIds) {
      const path = `/api/patients/${visit.patientId}/specimens/${specimenId}`;
      // the specimen app learns the specimen from bill.registered
      const stored = await gw.until((r) => r.status === 404, 'GET', path, lab.partyAdmin);
      if (stored.status !== 200) throw new Error(`specimen ${specimenId}: ${stored.status} ${JSON.stringify(stored.body)}`);
      const job = await gw.expect(200, 'PATCH', `${path}/actions/`, lab.receptionist, { received_time: receivedTime });
      const settled = await gw.until((r) => r.status === 200 && r.body.status === 'pending', 'GET', `/api/jobs/${job.id}`, lab.receptionist);
      if (settled.body?.status !== 'processed') throw new Error(`received-time job ${job.id}: ${JSON.stringify(settled.body)}`);
    }
    progress.tick(`specimens of ${visit.patient.name} received`);
  }
}
