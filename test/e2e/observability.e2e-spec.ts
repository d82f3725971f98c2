import { APP_NAMES } from '@labflow/contracts';
import { currentEnvironment } from '@labflow/tools/dev';
import { call, freshLabId, tokenFor } from '@labflow/testing';

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
    if (['reporting', 'device-ingestion', 'critical-callout', 'specimen', 'orders', 'audit'].includes(app)) {
      expect(text).toMatch(/labflow_outbox_backlog \d+/);
      expect(text).toMatch(/labflow_outbox_oldest_age_seconds \d+/);
    }
  });

  it('records gateway latency by route template and status', async () => {
    const token = await tokenFor({ lab_id: freshLabId() });
    await call('POST', '/api-v3/devices', { token, body: { name: 'metrics probe' } });
    const text = await (await fetch(`${env.gatewayUrl}/metrics`)).text();
    expect(text).toMatch(/labflow_http_request_duration_seconds_count\{method="POST",route="\/api-v3\/devices",status="201"\} \d+/);
  });
});
