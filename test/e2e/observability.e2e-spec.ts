import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_NAMES } from '@labflow/contracts';
import { createTest } from './lab-fixtures';
import { currentEnvironment } from '@labflow/tools/dev';
import { call, eventually, freshLabId, tokenFor } from '@labflow/testing';

const env = currentEnvironment();

describe('observability', () => {
  it.each(APP_NAMES)('%s serves Prometheus metrics', async (app) => {
    if (app === 'gateway') await call('GET', '/health/live');
    const res = await fetch(`http://127.0.0.1:${env.ports[app]}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('labflow_http_request_duration_seconds');
    expect(text).toContain('labflow_process_resident_memory_bytes');
    if (app !== 'gateway') {
      expect(text).toContain('labflow_message_handler_duration_seconds_bucket');
      expect(text).toMatch(/labflow_kafka_consumer_lag\{group="[^"]+",topic="[^"]+",partition="\d+"\} \d+/);
    }
    if (['reporting', 'device-ingestion', 'rerun', 'critical-callout', 'specimen', 'orders', 'audit', 'verification', 'analyzer-bridge', 'fhir'].includes(app)) {
      expect(text).toMatch(/labflow_outbox_backlog \d+/);
      expect(text).toMatch(/labflow_outbox_oldest_age_seconds \d+/);
    }
    if (app === 'reporting') expect(text).toMatch(/labflow_search_pending \d+/);
  });

  it('records gateway latency by route template and status', async () => {
    const token = await tokenFor({ lab_id: freshLabId() });
    await call('POST', '/api-v3/devices', { token, body: { name: 'metrics probe' } });
    const text = await (await fetch(`${env.gatewayUrl}/metrics`)).text();
    expect(text).toMatch(/labflow_http_request_duration_seconds_count\{method="POST",route="\/api-v3\/devices",status="201"\} \d+/);
  });

  it('follows one correlation id from an HTTP request to the consumers of the event it caused, in the logs', async () => {
    const labId = freshLabId();
    const token = await tokenFor({ lab_id: labId });
    const testId = await createTest(token, false);
    const requestId = `trace-${randomUUID()}`;
    const res = await call('POST', '/api-v3/registrations', {
      token,
      headers: { 'x-request-id': requestId },
      body: {
        patient: { name: 'Log Follower', dateOfBirth: '1990-01-01', gender: 'male' },
        samples: [{ sampleId: `L${labId}`, collectedAt: new Date(Date.now() - 60_000).toISOString() }],
        tests: [{ testId, sampleId: `L${labId}` }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBe(requestId);
    const linesOf = (app: string) => readFileSync(join(env.logDir, `${app}.log`), 'utf8').split('\n')
      .filter((l) => l.includes(requestId)).map((l) => JSON.parse(l) as Record<string, string>);
    // gateway → reporting (command) → bill.registered → specimen and device-ingestion (consumers)
    const consumed = await eventually(async () => ({ specimen: linesOf('specimen'), ingestion: linesOf('device-ingestion') }),
      (l) => l.specimen.some((x) => x.topic === 'bill.registered') && l.ingestion.some((x) => x.topic === 'bill.registered'));
    const commands = `from ${env.variables.KAFKA_TOPIC_PREFIX}reporting.commands[`; // the physical topic of this environment
    expect(linesOf('reporting').some((l) => l.correlationId === requestId && l.msg.includes(commands))).toBe(true);
    expect(consumed.specimen.find((l) => l.topic === 'bill.registered')).toMatchObject({ correlationId: requestId, app: 'specimen' });
    // patient names never reach the logs at info level
    expect([...linesOf('reporting'), ...consumed.specimen].some((l) => JSON.stringify(l).includes('Log Follower'))).toBe(false);
  });
});
