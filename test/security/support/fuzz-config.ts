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
    ['/fhir/R4/Observation/{id}', { 'path.id': `${world.labReportId}-4` }], // lab report - parameter index (Haemoglobin)
    ['/fhir/R4/StructureDefinition/{id}', { 'path.id': 'critical-value' }], // one of the extensions the server defines
  ];
}

/** Body fields bound to one value (Schemathesis binds body fields through a dictionary): the analyzer's upload. */
function bodyBindings(world: LabWorld): [string, Record<string, Value>][] {
  return [['/dataPartialFromDevice', { deviceAuth: world.deviceAuth, labId: world.labId, sampleId: world.sampleId }]];
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
  const operation = (path: string, parameters: Record<string, Value | { dictionary: string }>) => `[[operations]]\ninclude-path = ${JSON.stringify(path)}\n[operations.parameters]\n`
    + Object.entries(parameters).map(([key, value]) => `${JSON.stringify(key)} = ${typeof value === 'object' ? `{ dictionary = ${JSON.stringify(value.dictionary)} }` : JSON.stringify(value)}`).join('\n');
  const bodies = bodyBindings(world);
  const dictionaries = bodies.flatMap(([, fields]) => Object.entries(fields).map(([field, value]) => `[dictionaries.${field}]\nvalues = [${JSON.stringify(value)}]`));
  const operations = [
    ...perOperation(world).map(([path, parameters]) => operation(path, parameters)),
    ...bodies.map(([path, fields]) => operation(path, Object.fromEntries(Object.keys(fields).map((field) => [`body.${field}`, { dictionary: field }])))),
  ];
  return [`[parameters]\n${table(shared)}`, ...dictionaries, ...operations].join('\n\n') + '\n';
}
