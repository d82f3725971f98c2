import { LabWorld } from './lab-world';

type Value = string | number;

/** `key = value` lines of TOML (strings quoted as JSON, which TOML's basic strings accept). */
function table(entries: Record<string, Value>): string {
  return Object.entries(entries).map(([key, value]) => `${JSON.stringify(key)} = ${JSON.stringify(value)}`).join('\n');
}

/** Per path template, the ids its `{id}` (or another name shared by several resources) stands for. */
function perOperation(world: LabWorld): [string, Record<string, Value>][] {
  return [
    ['/api-v3/devices/{id}/mappings', { 'path.id': world.deviceId }],
    ['/api/patients/{patientId}/specimens/{id}', { 'path.id': world.specimenId }],
    ['/api/patients/{patientId}/specimens/{id}/actions', { 'path.id': world.specimenId }],
    ['/api/patients/{patientId}/specimens/{id}/status', { 'path.id': world.specimenId }],
    ['/fhir/R4/Device/{id}', { 'path.id': String(world.deviceId) }],
    ['/fhir/R4/Patient/{id}', { 'path.id': world.patientId }],
    ['/fhir/R4/Specimen/{id}', { 'path.id': world.specimenId }],
    ['/fhir/R4/DiagnosticReport/{id}', { 'path.id': String(world.labReportId) }],
    ['/dataPartialFromDevice', { 'body.deviceAuth': world.deviceAuth, 'body.labId': world.labId, 'body.sampleId': world.sampleId }],
  ];
}

/**
 * Schemathesis' configuration for one run against a lab built beforehand (lab-world.ts): the ids
 * of its records stand in for the path and query parameters, so positive cases read and change
 * records that exist (a 2xx) instead of guessing ids (a 404); the negative cases still mutate them.
 */
export function fuzzConfig(world: LabWorld): string {
  const shared: Record<string, Value> = {
    testId: world.testId, labReportId: world.labReportId, billId: world.billId, patientId: world.patientId,
    deviceId: world.deviceId, jobId: world.jobId, orderId: world.orderId, transactionId: world.transactionId,
    endpointId: world.endpointId, partyId: world.partyId, clientId: world.clientId, userId: world.userId,
  };
  const operations = perOperation(world).map(([path, parameters]) => `[[operations]]\ninclude-path = ${JSON.stringify(path)}\n[operations.parameters]\n${table(parameters)}`);
  return [`[parameters]\n${table(shared)}`, ...operations].join('\n\n') + '\n';
}
