import { FuzzRecords } from './fuzz-world';
import { LabWorld } from './lab-world';

type Value = string | number;

/** One operation's bindings: path/query parameters fixed, body fields drawn from a one-value dictionary. */
interface OperationBindings { parameters?: Record<string, Value>; body?: Record<string, Value> }

/** `key = value` lines of TOML (strings quoted as JSON, which TOML's basic strings accept). */
function table(entries: Record<string, Value>): string {
  return Object.entries(entries).map(([key, value]) => `${JSON.stringify(key)} = ${JSON.stringify(value)}`).join('\n');
}

/**
 * Per path template, the records its parameters stand for (where `{id}` or a shared name means
 * another record than the shared table's), and the body fields that must name this lab's records
 * for a valid request to succeed (`a.b[*].c` reaches into arrays). A body binding applies to the
 * positive cases only: Schemathesis keeps a dictionary value out of the negative ones.
 */
function perOperation(world: LabWorld, records: FuzzRecords): [string, OperationBindings][] {
  const specimen = { parameters: { 'path.id': world.specimenId } };
  return [
    ['/api-v3/devices/{id}/mappings', { parameters: { 'path.id': records.mappingDeviceId }, body: { testId: world.testId, 'parameters[*].index': 4 } }],
    ['/api/parties/{partyId}', { parameters: { 'path.partyId': records.upsertPartyId } }],
    ['/api/legal-entities/{clientId}', { parameters: { 'path.clientId': records.upsertClientId } }],
    ['/api/patients/{patientId}/specimens/{id}', specimen],
    ['/api/patients/{patientId}/specimens/{id}/status', specimen],
    ['/api/patients/{patientId}/specimens/{id}/actions', {
      parameters: { 'path.patientId': records.unreceivedPatientId, 'path.id': records.unreceivedSpecimenId }, body: { received_time: records.receivedTime },
    }],
    ['/fhir/R4/Device/{id}', { parameters: { 'path.id': String(world.deviceId) } }],
    ['/fhir/R4/Patient/{id}', { parameters: { 'path.id': world.patientId } }],
    ['/fhir/R4/Specimen/{id}', { parameters: { 'path.id': world.specimenId } }],
    ['/fhir/R4/DiagnosticReport/{id}', { parameters: { 'path.id': String(world.labReportId) } }],
    ['/fhir/R4/Observation/{id}', { parameters: { 'path.id': `${world.labReportId}-4` } }], // lab report - parameter index (Haemoglobin)
    ['/fhir/R4/ServiceRequest/{id}', { parameters: { 'path.id': world.orderId } }], // an order's ServiceRequest
    ['/fhir/R4/StructureDefinition/{id}', { parameters: { 'path.id': 'critical-value' } }], // one of the extensions the server defines
    ['/dataPartialFromDevice', { body: { deviceAuth: world.deviceAuth, labId: world.labId, sampleId: world.sampleId, 'data.values[*].testName': 'HGB' } }],
    ['/api-v3/registrations', { body: { 'tests[*].testId': world.testId, 'samples[*].sampleId': records.freshSampleId, 'tests[*].sampleId': records.freshSampleId } }],
    ['/api-v3/verification/rule-sets/{testId}', { body: { 'parameters[*].index': 4 } }],
    ['/api-v3/verification/lab-reports/{labReportId}/reject', { parameters: { 'path.labReportId': records.heldLabReportId } }],
    ['/api-v3/sample-rerun/{labReportId}/confirm', {
      parameters: { 'path.labReportId': records.rerunLabReportId },
      body: { 'rerun_confirmed_data[*].index': 4, 'rerun_confirmed_data[*].reportForId_id': records.rerunLabReportId },
    }],
    ['/api-v3/sample-rerun/{labReportId}/request', { parameters: { 'path.labReportId': records.idleLabReportId }, body: { requested_parameters: '[4]', lab_id: world.labId } }],
    ['/api-v3/sample-rerun/{labReportId}/new', {
      body: { lab_id: world.labId, sample_id: world.sampleId, lab_report_id: world.labReportId, rerun_number: -1, 'device_data[*].index': 4 },
    }],
    ['/v3/order/{orderId}/cancel', { parameters: { 'path.orderId': records.cancellableOrderId } }],
    ['/v3/lab/orders/{orderId}/status', { parameters: { 'path.orderId': records.orderForStatusId } }],
    ['/v3/lab/orders/{orderId}/results', { body: { 'results[*].biomarker': 'glucose' } }],
    ['/v3/webhooks', { body: { url: records.webhookUrl } }],
    ['/reporting/report-format/{testId}/update', { parameters: { 'path.testId': records.updatableTestId } }],
    ['/report/{billId}/critical/callout', { body: { 'lab_report_ids[*]': world.labReportId } }],
    // the second analyzer's connection: the fixture device keeps its own (the tenancy suite reads it)
    ['/api-v3/devices/{id}/connection', { parameters: { 'path.id': records.mappingDeviceId } }],
    ['/api-v3/devices/connection', { body: { deviceAuth: world.deviceAuth, labId: world.labId } }],
    ['/api-v3/devices/work-order', { body: { deviceAuth: world.deviceAuth, labId: world.labId, sampleId: world.sampleId } }],
  ];
}

/**
 * Schemathesis' configuration for one run against a lab built beforehand (lab-world.ts, fuzz-world.ts):
 * the ids of its records stand in for the path and query parameters, so positive cases read and
 * change records that exist (a 2xx) instead of guessing ids (a 404); the negative cases still mutate
 * them. `hooks` is the refusal filter (fuzz_hooks.py). No U+0000 is generated: PostgreSQL text and
 * jsonb cannot hold it, and the server refuses it (400 INVALID_INPUT) for every string field alike.
 */
export function fuzzConfig(world: LabWorld, records: FuzzRecords, hooksFile: string): string {
  const shared: Record<string, Value> = {
    testId: world.testId, labReportId: world.labReportId, billId: world.billId, patientId: world.patientId,
    deviceId: world.deviceId, jobId: world.jobId, orderId: world.orderId, transactionId: world.transactionId,
    endpointId: world.endpointId, partyId: world.partyId, clientId: world.clientId, userId: world.userId,
  };
  const dictionaries: string[] = [];
  const operations = perOperation(world, records).map(([path, bindings], i) => {
    const lines = Object.entries(bindings.parameters ?? {}).map(([key, value]) => `${JSON.stringify(key)} = ${JSON.stringify(value)}`);
    Object.entries(bindings.body ?? {}).forEach(([field, value], j) => {
      const name = `op${i}_${j}`;
      dictionaries.push(`[dictionaries.${name}]\nvalues = [${JSON.stringify(value)}]`);
      lines.push(`${JSON.stringify(`body.${field}`)} = { dictionary = ${JSON.stringify(name)} }`);
    });
    return `[[operations]]\ninclude-path = ${JSON.stringify(path)}\n[operations.parameters]\n${lines.join('\n')}`;
  });
  return [`hooks = ${JSON.stringify(hooksFile)}`, '[generation]\nallow-x00 = false', `[parameters]\n${table(shared)}`, ...dictionaries, ...operations].join('\n\n') + '\n';
}
