import { call, envelopeIsValid, freshLabId, TopicProbe, tokenFor } from '@labflow/testing';

describe('foundation: HTTP → gateway → Kafka → service → PostgreSQL outbox → topic', () => {
  const labId = freshLabId();
  let probe: TopicProbe;
  let token: string;

  beforeAll(async () => {
    probe = await TopicProbe.start(['device.registered']);
    token = await tokenFor({ lab_id: labId });
  });
  afterAll(() => probe.stop());

  it('registers a device and a plain consumer receives the validated envelope once', async () => {
    const res = await call('POST', '/api-v3/devices', { token, body: { name: 'Sysmex XN-1000' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(Number), name: 'Sysmex XN-1000', lab: labId, deviceAuth: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const requestId = res.headers.get('x-request-id');

    const [event] = await probe.waitFor((m) => m.envelope.payload.deviceId === res.body.id);
    expect(envelopeIsValid(event.envelope)).toEqual([]);
    expect(event.envelope).toMatchObject({ type: 'device.registered', version: 1, labId, correlationId: requestId });
    expect(event.key).toBe(String(res.body.id));
    expect(event.envelope.payload).toMatchObject({ deviceId: res.body.id, labId, name: 'Sysmex XN-1000' });
    await new Promise((r) => setTimeout(r, 500));
    expect(probe.matching((m) => m.envelope.payload.deviceId === res.body.id)).toHaveLength(1);
  });

  it('applies a request repeated with the same Idempotency-Key once', async () => {
    const headers = { 'idempotency-key': `dev-${labId}` };
    const first = await call('POST', '/api-v3/devices', { token, headers, body: { name: 'Cobas c311' } });
    const second = await call('POST', '/api-v3/devices', { token, headers, body: { name: 'Cobas c311' } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    await probe.waitFor((m) => m.envelope.payload.deviceId === first.body.id);
    await new Promise((r) => setTimeout(r, 500));
    expect(probe.matching((m) => m.envelope.payload.labId === labId && m.envelope.payload.name === 'Cobas c311')).toHaveLength(1);
  });

  it('answers 401 "Invalid access token" without a token, with WWW-Authenticate', async () => {
    const res = await call('POST', '/api-v3/devices', { body: { name: 'x' } });
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('Invalid access token');
    expect(res.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('answers 401 for an expired or forged token', async () => {
    const expired = await tokenFor({ lab_id: labId }, '-10m');
    expect((await call('POST', '/api-v3/devices', { token: expired, body: { name: 'x' } })).status).toBe(401);
    const forged = `${token.slice(0, -4)}AAAA`;
    expect((await call('POST', '/api-v3/devices', { token: forged, body: { name: 'x' } })).body.message).toBe('Invalid access token');
  });

  it('refuses an unknown body field with 400 naming it, and stores nothing', async () => {
    const res = await call('POST', '/api-v3/devices', { token, body: { name: 'Mass assign', created_by: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('property created_by should not exist');
    await new Promise((r) => setTimeout(r, 500));
    expect(probe.matching((m) => m.envelope.payload.name === 'Mass assign')).toHaveLength(0);
  });

  it('answers malformed JSON with a JSON 400', async () => {
    const res = await call('POST', '/api-v3/devices', { token, body: '{"name": ', raw: true });
    expect(res.status).toBe(400);
    expect(typeof res.body.message).toBe('string');
  });

  it('reports readiness of every app and dependency', async () => {
    const res = await call('GET', '/health/ready');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.checks).sort()).toEqual(
      ['analyzer-bridge', 'audit', 'command-bus', 'critical-callout', 'device-ingestion', 'fhir', 'kafka', 'orders', 'redis', 'reporting', 'rerun', 'specimen', 'verification'].sort(),
    );
    expect(res.body.checks.reporting.details.checks).toHaveProperty('postgres');
    expect(res.body.checks.reporting.details.checks).toHaveProperty('mongodb');
    expect(res.body.checks.reporting.details.checks).toHaveProperty('elasticsearch');
    // each app checks (and opens) only the stores it uses: device-ingestion keeps nothing in documents
    expect(Object.keys(res.body.checks['device-ingestion'].details.checks)).not.toContain('mongodb');
    expect(res.body.checks['device-ingestion'].details.checks).toHaveProperty('postgres');
  });

  it('documents what the validators enforce, in words for an integrator', async () => {
    const doc = (await call('GET', '/docs/openapi.json')).body;
    const schemas = doc.components.schemas;
    // each of these was refused by the server while the document allowed it
    expect(schemas.RegisterPatientInput.properties.samples.minItems).toBe(1);
    expect(schemas.DevicePayloadDataDto.properties.values.minItems).toBe(1);
    expect(schemas.RegisterWebhookEndpointInput.properties.event_types.minItems).toBe(1);
    expect(schemas.LabUserDepartmentsBody.properties.department_ids.items.minimum).toBe(1);
    expect(schemas.DevicePayloadValueDto.properties.value.oneOf).toContainEqual({ type: 'string', minLength: 1, maxLength: 500 });
    expect(schemas.DeviceMappingBody.properties.functionName.enum).toEqual(['PartialFill']);
    expect(schemas.RecordCalloutBody.properties.recipients.minItems).toBe(1);
    // links: what a create answers is the id the reads take (a stateful fuzzer follows them)
    expect(doc.paths['/api-v3/registrations'].post.responses['201'].links.SampleRerunController_values)
      .toEqual({ operationId: 'SampleRerunController_values', parameters: { labReportId: '$response.body#/labReports/0/labReportId' } });
    expect(new RegExp(schemas.RequestSampleRerunBody.properties.requested_parameters.pattern).test('[1, 3, 5]')).toBe(true);
    expect(new RegExp(schemas.RequestSampleRerunBody.properties.requested_parameters.pattern).test('[]')).toBe(false);
    const operations = Object.entries(doc.paths as Record<string, Record<string, { summary?: string; parameters?: { name: string; in: string; schema: Record<string, unknown> }[] }>>)
      .flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ at: `${method.toUpperCase()} ${path}`, ...op })));
    const loose = operations.flatMap((op) => (op.parameters ?? [])
      .filter((p) => ['path', 'query'].includes(p.in))
      // ISO 8601 dates: OpenAPI's date-time is narrower than what the validator accepts
      .filter((p) => !['startDate', 'endDate'].includes(p.name))
      .filter((p) => !constrained(p.schema) && !(p.schema.type === 'array' && constrained(p.schema.items as Record<string, unknown>)))
      .map((p) => `${op.at} ${p.name}`));
    expect(loose).toEqual([]);
    expect(operations.find((op) => op.at === 'GET /v3/order/{orderId}')?.parameters?.[0].schema).toMatchObject({ format: 'uuid' });
    expect(operations.filter((op) => /seed \d/.test(op.summary ?? '')).map((op) => op.at)).toEqual([]);
  });

  it('serves the OpenAPI document', async () => {
    const res = await call('GET', '/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.paths).toHaveProperty('/api-v3/devices');
  });
});

/** A parameter schema that bounds what it accepts (an array parameter: by its items). */
function constrained(schema: Record<string, unknown> | undefined): boolean {
  return schema !== undefined && ['format', 'minimum', 'maxLength', 'enum', 'pattern'].some((k) => k in schema);
}
