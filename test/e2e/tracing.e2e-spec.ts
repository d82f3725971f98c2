import { randomUUID } from 'node:crypto';
import { currentEnvironment } from '@labflow/tools/dev';
import { call, eventually, freshLabId, tokenFor } from '@labflow/testing';
import { createTest } from './lab-fixtures';
import { callerTrace, logOf, spansOf } from './support/trace-files';

const env = currentEnvironment();
const prefix = env.variables.KAFKA_TOPIC_PREFIX;

async function registerPatient(token: string, labId: number, headers: Record<string, string>): Promise<void> {
  const testId = await createTest(token, false);
  const res = await call('POST', '/api-v3/registrations', {
    token,
    headers,
    body: {
      patient: { name: 'Trace Follower', dateOfBirth: '1990-01-01', gender: 'female' },
      samples: [{ sampleId: `T${labId}`, collectedAt: new Date(Date.now() - 60_000).toISOString() }],
      tests: [{ testId, sampleId: `T${labId}` }],
    },
  });
  expect(res.status).toBe(201);
}

describe('tracing across HTTP and Kafka', () => {
  it('carries the trace of one HTTP request to the consumer of the event it caused, in logs and spans', async () => {
    const labId = freshLabId();
    const token = await tokenFor({ lab_id: labId });
    const requestId = `trace-${randomUUID()}`;
    await registerPatient(token, labId, { 'x-request-id': requestId });

    // gateway (HTTP span) → reporting.commands (reporting writes bill.registered to its outbox) → specimen
    const [request] = await eventually(async () => logOf('gateway', requestId).filter((l) => l.context === 'HttpRequest'), (l) => l.length === 1);
    expect(request.msg).toMatch(/^POST \/api-v3\/registrations 201 \d+ ms$/);
    expect(request.traceId).toMatch(/^[0-9a-f]{32}$/);
    const handled = (app: string, topic: string) => logOf(app, requestId).find((l) => l.topic === topic && /^handled /.test(l.msg));
    const command = await eventually(async () => handled('reporting', 'reporting.commands'), Boolean);
    const consumed = await eventually(async () => handled('specimen', 'bill.registered'), Boolean);
    expect(command).toMatchObject({ traceId: request.traceId, correlationId: requestId });
    expect(consumed).toMatchObject({ traceId: request.traceId, correlationId: requestId, app: 'specimen' });
    expect(new Set([request.spanId, command?.spanId, consumed?.spanId]).size).toBe(3);

    // the spans: each hop is a child of the one before
    const [httpSpan] = spansOf('gateway', request.traceId);
    expect(httpSpan).toMatchObject({
      spanId: request.spanId, parentSpanId: null, kind: 'SERVER', name: 'POST /api-v3/registrations',
      attributes: { 'http.route': '/api-v3/registrations', 'http.response.status_code': 201, 'labflow.correlation_id': requestId },
    });
    const commandSpan = await eventually(async () => spansOf('reporting', request.traceId).find((s) => s.spanId === command?.spanId), Boolean);
    expect(commandSpan).toMatchObject({ kind: 'CONSUMER', parentSpanId: httpSpan.spanId, attributes: { 'labflow.outcome': 'handled' } });
    const eventSpan = await eventually(async () => spansOf('specimen', request.traceId).find((s) => s.spanId === consumed?.spanId), Boolean);
    expect(eventSpan).toMatchObject({
      kind: 'CONSUMER',
      name: 'process bill.registered',
      parentSpanId: commandSpan?.spanId,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.destination.name': `${prefix}bill.registered`,
        'messaging.consumer.group.name': `${env.variables.KAFKA_GROUP_PREFIX}.specimen`,
        'labflow.outcome': 'handled',
      },
    });
    expect(consumed?.msg).toContain(`${prefix}bill.registered[${eventSpan?.attributes['messaging.destination.partition.id']}]@${eventSpan?.attributes['messaging.kafka.offset']}`);
  });

  it("continues a caller's traceparent, and records a rejected command on its span", async () => {
    const { traceId, callerSpanId, headers } = callerTrace();
    const token = await tokenFor({ lab_id: freshLabId() });
    const res = await call('GET', '/getReportFormatForTestEntry/?labReportId=999999999&isSigned=0', { token, headers });
    expect(res.status).toBe(404);
    const [httpSpan] = await eventually(async () => spansOf('gateway', traceId), (s) => s.length === 1);
    expect(httpSpan).toMatchObject({ parentSpanId: callerSpanId, attributes: { 'http.response.status_code': 404 } });
    const [commandSpan] = await eventually(async () => spansOf('reporting', traceId), (s) => s.length === 1);
    expect(commandSpan).toMatchObject({ parentSpanId: httpSpan.spanId, attributes: { 'labflow.outcome': 'rejected' } });
    expect(commandSpan.events.map((e) => e.name)).toContain('exception');
  });
});
