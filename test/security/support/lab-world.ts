import { randomUUID } from 'node:crypto';
import { LabflowClaims } from '@labflow/platform/auth';
import { call, eventually, HttpResult, tokenFor, WebhookReceiver } from '@labflow/testing';
import { cbcFormat } from '../../e2e/lab-fixtures';

/** Every scope a route of the gateway asks for: a tenant's token is never stopped by a scope check. */
export const ALL_SCOPES = 'specimen:process specimen:read specimen:admin party:admin orders:lab';

/**
 * One lab with one of everything, created through the gateway as the LIMS, an analyzer and a client
 * application would: a test (document report), a patient with a bill, lab report and specimen, an
 * analyzer with its mapping and a critical result (so an auto rerun and a pending callout exist), a
 * callout draft, a received-time job, a party and legal entity, a lab user's departments, a webhook
 * endpoint, and an order at the partner lab.
 */
export interface LabWorld {
  labId: number;
  /** A support user of the lab with every scope, acting as a verified party for an active legal entity. */
  token: string;
  claims: Partial<LabflowClaims> & { lab_id: number };
  partyId: string;
  clientId: string;
  userId: string;
  testId: number;
  patientId: string;
  billId: number;
  labReportId: number;
  sampleId: string;
  specimenId: string;
  collectedAt: string;
  deviceId: number;
  deviceAuth: string;
  jobId: string;
  orderId: string;
  transactionId: string;
  endpointId: string;
}

export const HGB_CODE = 'HGB';

function expectStatus(what: string, res: HttpResult, ...statuses: number[]): HttpResult {
  if (!statuses.includes(res.status)) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/** The claims of a lab's tenant token (another client of the same lab overrides client_id). */
export function tenantClaims(labId: number, partyId: string, clientId: string): Partial<LabflowClaims> & { lab_id: number } {
  return { lab_id: labId, sub: `support-${labId}`, login_type: 'support', scope: ALL_SCOPES, party_id: partyId, client_id: clientId, name: 'Tenancy Tester' };
}

export async function buildLabWorld(labId: number, webhooks: WebhookReceiver): Promise<LabWorld> {
  const partyId = randomUUID();
  const clientId = randomUUID();
  const claims = tenantClaims(labId, partyId, clientId);
  const token = await tokenFor(claims);
  const as = (method: string, path: string, body?: unknown) => call(method, path, { token, body });

  expectStatus('party', await as('PUT', `/api/parties/${partyId}`, { verification_status: 'VERIFIED' }), 200);
  expectStatus('legal entity', await as('PUT', `/api/legal-entities/${clientId}`, { status: 'ACTIVE' }), 200);
  const userId = `u${labId}`;
  expectStatus('lab user departments', await as('PUT', `/api-v3/lab-users/${userId}/departments`, { department_ids: [3] }), 200);

  const testId = expectStatus('test', await as('POST', '/reporting/report-format/create/', cbcFormat({ enable_device_flags: true })), 201).body.testId as number;
  const sampleId = `T${labId}`;
  const collectedAt = new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString();
  const registered = expectStatus('registration', await as('POST', '/api-v3/registrations', {
    patient: { name: 'Asha Rao', dateOfBirth: '1984-02-29', gender: 'female' }, bill: { doctorId: 21 },
    samples: [{ sampleId, collectedAt }], tests: [{ testId, sampleId }],
  }), 201).body;
  const labReportId = registered.labReports[0].labReportId as number;

  const device = expectStatus('device', await as('POST', '/api-v3/devices', { name: 'Sysmex XN-1000' }), 201).body;
  expectStatus('mapping', await as('POST', `/api-v3/devices/${device.id}/mappings`, {
    testId, functionName: 'PartialFill', parameters: [{ testName: HGB_CODE, index: 4 }],
  }), 201);
  expectStatus('connection', await as('PUT', `/api-v3/devices/${device.id}/connection`, { protocol: 'astm', port: 5100, profile: 'astm-lis2-a2' }), 200);
  expectStatus('rule set', await as('PUT', `/api-v3/verification/rule-sets/${testId}`, { parameters: [{ index: 4 }], blockingParamFlags: ['A'], blockingTestFlags: [] }), 201);
  // A critical Haemoglobin: stored values, a device result, criticalValues pending, an auto rerun queued.
  await eventually(() => call('POST', '/dataPartialFromDevice/', {
    body: { labId, sampleId, deviceAuth: device.deviceAuth, test_flags: ['Abnormal'], data: { values: [{ testName: HGB_CODE, value: 5, param_flags: ['LL'] }] } },
  }), (r) => r.status === 200);
  await eventually(() => as('GET', `/getReportFormatForTestEntry/?labReportId=${labReportId}&isSigned=0`), (r) => r.status === 200 && r.body.labReportSigningMeta?.criticalValues === 'pending' && r.body.labReportSigningMeta?.sampleRedrawFlag === 3);
  await eventually(() => as('GET', `/api-v3/verification/lab-reports/${labReportId}`), (r) => r.status === 200);
  await eventually(() => as('POST', `/report/${registered.billId}/critical/callout`, {
    status: 'draft', lab_report_ids: [labReportId], recipients: ['Doctor'], communication_methods: ['phone'], critical_callout_comment: 'Calling the ward',
  }), (r) => r.status === 201);

  const specimenId = registered.samples[0].specimenId as string;
  const patientId = registered.patientId as string;
  const job = await eventually(() => as('PATCH', `/api/patients/${patientId}/specimens/${specimenId}/actions/`, {
    received_time: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
  }), (r) => r.status !== 404);
  const jobId = expectStatus('received time', job, 200).body.id as string;
  await eventually(() => as('GET', `/api/jobs/${jobId}`), (r) => r.status === 200 && r.body.status !== 'pending');

  const endpointId = expectStatus('webhook endpoint', await as('POST', '/v3/webhooks', {
    url: webhooks.url(`/lab-${labId}`), event_types: ['labtest.order.created', 'labtest.order.updated'],
  }), 201).body.id as string;
  const order = expectStatus('order', await as('POST', '/v3/order', {
    patient_details: { first_name: 'Ada', last_name: 'Lovelace', dob: '1990-04-01', gender: 'female' },
    biomarkers: ['glucose', 'hba1c'], lab: 'quest', walk_in: true,
  }), 200).body;
  expectStatus('requisition', await as('POST', `/v3/lab/orders/${order.order_id}/status`, { status: 'requisition_created' }), 200);

  return {
    labId, token, claims, partyId, clientId, userId, testId, patientId, billId: registered.billId, labReportId, sampleId, specimenId, collectedAt,
    deviceId: device.id, deviceAuth: device.deviceAuth, jobId, orderId: order.order_id, transactionId: order.order_transaction_id, endpointId,
  };
}
