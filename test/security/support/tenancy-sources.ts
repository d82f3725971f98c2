import { randomUUID } from 'node:crypto';
import { LabWorld } from './lab-world';
import { LabIds } from './route-bodies';

/**
 * Where a path parameter's value comes from, by the collection segment before it (`devices/{id}`,
 * `specimens/{id}`). `resource`: an id the server assigned to a lab's record — another tenant must
 * get 404. `caller-key`: an upsert keyed by a name the caller chooses (a registry's party id, a
 * user id); each lab has its own namespace, so another lab's PUT writes its own record and must
 * leave the first lab's untouched.
 */
export interface IdSource {
  kind: 'resource' | 'caller-key';
  of: (ids: LabIds) => string | number;
}

const resource = (of: IdSource['of']): IdSource => ({ kind: 'resource', of });
const callerKey = (of: IdSource['of']): IdSource => ({ kind: 'caller-key', of });

export const PATH_ID_SOURCES: Record<string, IdSource> = {
  'devices/{id}': resource((w) => w.deviceId),
  'patients/{patientId}': resource((w) => w.patientId),
  'specimens/{id}': resource((w) => w.specimenId),
  'jobs/{jobId}': resource((w) => w.jobId),
  'order/{orderId}': resource((w) => w.orderId),
  'orders/{orderId}': resource((w) => w.orderId),
  'order_transaction/{transactionId}': resource((w) => w.transactionId),
  'webhooks/{endpointId}': resource((w) => w.endpointId),
  'report-format/{testId}': resource((w) => w.testId),
  'patient/{labReportId}': resource((w) => w.labReportId),
  'device-results-validation/{deviceId}': resource((w) => w.deviceId),

  'report/{billId}': resource((w) => w.billId),
  'sample-rerun/{labReportId}': resource((w) => w.labReportId),
  'rule-sets/{testId}': resource((w) => w.testId),
  'devices/{deviceId}': resource((w) => w.deviceId),
  'lab-reports/{labReportId}': resource((w) => w.labReportId),
  // FHIR R4 read model: every read is scoped by the caller's lab
  'DiagnosticReport/{id}': resource((w) => w.labReportId),
  'Observation/{id}': resource((w) => `${w.labReportId}-4`),
  'Specimen/{id}': resource((w) => w.specimenId),
  'ServiceRequest/{id}': resource((w) => w.orderId),
  'Patient/{id}': resource((w) => w.patientId),
  'Device/{id}': resource((w) => w.deviceId),
  // public definitions, the same for every lab (the matrix only checks secured routes)
  'StructureDefinition/{id}': resource(() => 'machine-flag'),
  'parties/{partyId}': callerKey((w) => w.partyId),
  'legal-entities/{clientId}': callerKey((w) => w.clientId),
  'lab-users/{userId}': callerKey((w) => w.userId),
};

/** Query parameters that name a lab's record (a query parameter ending in id/ids must be listed). */
export const QUERY_ID_SOURCES: Record<string, (ids: LabIds) => string | number> = {
  labReportId: (w) => w.labReportId,
  report_ids: (w) => String(w.labReportId),
};

/** Other required query parameters. */
export const QUERY_VALUES: Record<string, () => string> = {
  isSigned: () => '0',
  startDate: () => new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString(),
  endDate: () => new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString(),
};

/** Requests whose body (not path) names another lab's records. */
export const BODY_ID_CASES: { name: string; method: string; path: (caller: LabIds) => string; body: (caller: LabIds, target: LabIds) => unknown }[] = [
  {
    name: 'a registration with another lab\'s test', method: 'POST', path: () => '/api-v3/registrations',
    body: (_c, t) => {
      const sampleId = `X${randomUUID().slice(0, 8)}`;
      return {
        patient: { name: 'Eve', dateOfBirth: '1990-01-01', gender: 'female' },
        samples: [{ sampleId, collectedAt: new Date(Date.now() - 3600_000).toISOString() }], tests: [{ testId: t.testId, sampleId }],
      };
    },
  },
  {
    name: 'a mapping of the caller\'s device to another lab\'s test', method: 'POST', path: (c) => `/api-v3/devices/${c.deviceId}/mappings`,
    body: (_c, t) => ({ testId: t.testId, functionName: 'PartialFill', parameters: [{ testName: 'YY', index: 4 }] }),
  },
  {
    name: 'a callout on the caller\'s bill naming another lab\'s lab report', method: 'POST', path: (c) => `/report/${c.billId}/critical/callout`,
    body: (_c, t) => ({ status: 'done', lab_report_ids: [t.labReportId], recipients: ['Doctor'], communication_methods: ['phone'], contacted_person: 'Dr. Nobody', read_back: true }),
  },
  {
    name: 'an export of another lab\'s lab reports', method: 'POST', path: () => '/operation/critical-callout',
    body: (_c, t) => ({ lab_report_ids: [t.labReportId] }),
  },
];

/** Ids nobody has, shaped like the lab's (uuid for uuid, a large int4 for a serial id, a fresh name for a name). */
export function ghostIds(ids: LabIds): LabIds {
  const ghost = (v: unknown): unknown => {
    if (typeof v === 'number') return 2_000_000_000 + Math.floor(Math.random() * 100_000_000);
    if (typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(v)) return randomUUID();
    if (typeof v === 'string' && !Number.isNaN(Date.parse(v)) && /^\d{4}-/.test(v)) return v;
    return `ghost-${randomUUID().slice(0, 8)}`;
  };
  return Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, k === 'labId' ? v : ghost(v)])) as LabIds;
}

export function labIds(world: LabWorld): LabIds {
  const ids: Partial<LabWorld> = { ...world };
  delete ids.token;
  delete ids.claims;
  return ids as LabIds;
}
