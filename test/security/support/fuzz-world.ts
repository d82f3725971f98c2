import { randomUUID } from 'node:crypto';
import { call, eventually, HttpResult, WebhookReceiver } from '@labflow/testing';
import { cbcFormat } from '../../e2e/lab-fixtures';
import { HGB_CODE, LabWorld } from './lab-world';

/**
 * Records of the lab world that one fuzzed operation uses up: each state-changing operation whose
 * success the shared records no longer allow (the world's report is released before reject runs, its
 * specimen already received, its order past cancellation) gets a record of its own, in the state
 * its first valid request can change.
 */
export interface FuzzRecords {
  /** A held report (critical Haemoglobin, blocking flag): reject's. */
  heldLabReportId: number;
  /** A report with the auto rerun of its critical value in progress: confirm's. */
  rerunLabReportId: number;
  /** A report with no rerun at all: request's. */
  idleLabReportId: number;
  /** A specimen collected two hours ago, not yet received, and its patient: PATCH …/actions'. */
  unreceivedSpecimenId: string;
  unreceivedPatientId: string;
  /** A received time between that collection and now. */
  receivedTime: string;
  /** Orders still `ordered`: one for cancel, one for the lab's status update. */
  cancellableOrderId: string;
  orderForStatusId: string;
  /** A second analyzer: the mapping operation replaces its mappings, not those the uploads rely on. */
  mappingDeviceId: number;
  /** A sample id no registration uses yet: the registration operation's first valid request succeeds. */
  freshSampleId: string;
  /**
   * A party and a legal entity for the upsert operations, not the token's: fuzzing the token's own
   * would leave it unverified or inactive (403/409) for every specimen operation after it.
   */
  upsertPartyId: string;
  upsertClientId: string;
  /** A test of its own for the report-format update, which replaces the format the reports' indexes come from. */
  updatableTestId: number;
  /** The suite's webhook receiver by a host name (the document's url pattern wants a name, not an IP). */
  webhookUrl: string;
}

function expectStatus(what: string, res: HttpResult, status: number): HttpResult {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

export async function buildFuzzRecords(world: LabWorld, webhooks: WebhookReceiver): Promise<FuzzRecords> {
  const as = (method: string, path: string, body?: unknown) => call(method, path, { token: world.token, body });
  const { labId, testId } = world;
  const collectedAt = new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString();
  const sample = (name: string) => `${name}${labId}`;
  const names = ['R', 'C', 'Q', 'S'];
  const registered = expectStatus('fuzz registration', await as('POST', '/api-v3/registrations', {
    patient: { name: 'Ravi Menon', dateOfBirth: '1979-07-14', gender: 'male' },
    samples: names.map((n) => ({ sampleId: sample(n), collectedAt })), tests: names.map((n) => ({ testId, sampleId: sample(n) })),
  }), 201).body as { patientId: string; labReports: { labReportId: number; sampleId: string }[]; samples: { sampleId: string; specimenId: string }[] };
  const reportOf = (name: string) => registered.labReports.find((r) => r.sampleId === sample(name))!.labReportId;

  for (const name of ['R', 'C']) {
    await eventually(() => call('POST', '/dataPartialFromDevice/', {
      body: { labId, sampleId: sample(name), deviceAuth: world.deviceAuth, test_flags: ['Abnormal'], data: { values: [{ testName: HGB_CODE, value: 5, param_flags: ['LL'] }] } },
    }), (r) => r.status === 200);
  }
  await eventually(() => as('GET', `/api-v3/verification/lab-reports/${reportOf('R')}`), (r) => r.status === 200 && r.body.status === 'held');
  await eventually(() => as('GET', `/getReportFormatForTestEntry/?labReportId=${reportOf('C')}&isSigned=0`), (r) => r.status === 200 && r.body.labReportSigningMeta?.sampleRedrawFlag === 3);

  const order = async () => expectStatus('fuzz order', await as('POST', '/v3/order', {
    patient_details: { first_name: 'Grace', last_name: 'Hopper', dob: '1986-12-09', gender: 'female' }, biomarkers: ['glucose'], lab: 'quest', walk_in: true,
  }), 200).body.order_id as string;

  return {
    heldLabReportId: reportOf('R'),
    rerunLabReportId: reportOf('C'),
    idleLabReportId: reportOf('Q'),
    unreceivedSpecimenId: registered.samples.find((s) => s.sampleId === sample('S'))!.specimenId,
    unreceivedPatientId: registered.patientId,
    receivedTime: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
    cancellableOrderId: await order(),
    orderForStatusId: await order(),
    mappingDeviceId: expectStatus('mapping device', await as('POST', '/api-v3/devices', { name: 'Mindray BC-6800' }), 201).body.id as number,
    freshSampleId: sample('F'),
    upsertPartyId: randomUUID(),
    upsertClientId: randomUUID(),
    updatableTestId: expectStatus('updatable test', await as('POST', '/reporting/report-format/create/', cbcFormat({ testName: 'CBC (fuzzed)' })), 201).body.testId as number,
    webhookUrl: webhooks.url(`/fuzz-${labId}`).replace('127.0.0.1', 'localhost'),
  };
}
