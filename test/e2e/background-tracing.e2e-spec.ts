import type { SpanRecord } from '@labflow/platform/observability';
import { call, eventually, freshLabId, TopicProbe, WebhookReceiver } from '@labflow/testing';
import { closeRegistration, registerBill } from './support/registration';
import { actionsPath, settledJob, specimenLab, waitForSpecimens } from './support/specimen-fixtures';
import { orderBody, orderTokens } from './support/orders.fixtures';
import { callerTrace, spansOf, traceparentIds } from './support/trace-files';

/** gateway HTTP span → the command's span in `app`: the span the app's background work must continue. */
async function commandSpanOf(app: string, traceId: string, callerSpanId: string): Promise<SpanRecord> {
  const [httpSpan] = await eventually(async () => spansOf('gateway', traceId), (s) => s.length === 1);
  expect(httpSpan).toMatchObject({ kind: 'SERVER', parentSpanId: callerSpanId });
  return eventually(async () => spansOf(app, traceId).find((s) => s.kind === 'CONSUMER' && s.parentSpanId === httpSpan.spanId), Boolean) as Promise<SpanRecord>;
}

describe('tracing of background work: the request that queued an item, into the work on it', () => {
  afterAll(async () => {
    await closeRegistration();
  });

  it('a specimen job is a child of the command that created it; its event carries the job span; the outbox batch links it', async () => {
    const probe = await TopicProbe.start(['specimen.received']);
    try {
      const labId = freshLabId();
      const lab = await specimenLab(labId);
      const bill = await registerBill(labId);
      await waitForSpecimens(lab, bill);
      const [specimen] = bill.specimens;
      const { traceId, callerSpanId, headers } = callerTrace();
      const res = await call('PATCH', actionsPath(bill.patientId, specimen.specimenId), {
        token: await lab.userToken(), headers, body: { received_time: new Date(Date.now() - 60_000).toISOString() },
      });
      expect(res.status).toBe(200);
      expect((await settledJob(await lab.userToken(), res.body.id)).status).toBe('processed');

      const command = await commandSpanOf('specimen', traceId, callerSpanId);
      const job = await eventually(async () => spansOf('specimen', traceId).find((s) => s.name === 'job specimen.set_received_time'), Boolean);
      expect(job).toMatchObject({
        kind: 'CONSUMER', traceId, parentSpanId: command.spanId, status: { code: 0 },
        attributes: { 'labflow.job.id': res.body.id, 'labflow.job.attempt': 1, 'labflow.job.status': 'processed' },
      });

      const [event] = await probe.waitFor((m) => m.envelope.payload.specimenId === specimen.specimenId);
      expect(traceparentIds(event.headers.traceparent)).toEqual({ traceId, spanId: job?.spanId });
      const batch = await eventually(async () => spansOf('specimen', traceId).find((s) => s.name === 'publish outbox'), Boolean);
      expect(batch).toMatchObject({
        kind: 'PRODUCER', parentSpanId: null,
        attributes: { 'messaging.system': 'kafka', 'messaging.operation.type': 'send', 'labflow.outbox.source': 'specimen.outbox' },
      });
      expect(batch?.traceId).not.toBe(traceId);
      expect(batch?.links).toContainEqual({ traceId, spanId: job?.spanId });
    } finally {
      await probe.stop();
    }
  });

  it('the search indexing batch of a registered report links to the registration command that marked it', async () => {
    const { traceId, callerSpanId, headers } = callerTrace();
    await registerBill(freshLabId(), { headers });
    const command = await commandSpanOf('reporting', traceId, callerSpanId);
    const indexing = await eventually(async () => spansOf('reporting', traceId).find((s) => s.name === 'index lab reports'), Boolean, 30_000);
    expect(indexing).toMatchObject({ kind: 'INTERNAL', parentSpanId: null, status: { code: 0 } });
    expect(indexing?.traceId).not.toBe(traceId);
    expect(indexing?.links).toContainEqual({ traceId, spanId: command.spanId });
    expect(indexing?.attributes['labflow.search.reports']).toBeGreaterThanOrEqual(1);
  });

  it('every attempt at a webhook delivery is a child of the order change that queued it, failed ones marked', async () => {
    const receiver = await WebhookReceiver.start();
    try {
      const tokens = await orderTokens(freshLabId());
      const registered = await call('POST', '/v3/webhooks', { token: tokens.client, body: { url: receiver.url('/traced'), event_types: ['labtest.order.created'] } });
      expect(registered.status).toBe(201);
      receiver.answer('/traced', 503);
      const { traceId, callerSpanId, headers } = callerTrace();
      const placed = await call('POST', '/v3/order', { token: tokens.client, headers, body: orderBody() });
      expect(placed.status).toBe(200);
      const [, delivered] = await receiver.waitFor((r) => r.path === '/traced', 2);

      const command = await commandSpanOf('orders', traceId, callerSpanId);
      const attempts = await eventually(
        async () => spansOf('orders', traceId).filter((s) => s.name === 'deliver labtest.order.created').sort((a, b) => a.startTime.localeCompare(b.startTime)),
        (s) => s.length === 2,
      );
      const common = {
        kind: 'CLIENT', traceId, parentSpanId: command.spanId,
        attributes: { 'http.request.method': 'POST', 'labflow.webhook.message_id': delivered.headers['webhook-id'], 'labflow.webhook.event_type': 'labtest.order.created' },
      };
      expect(attempts[0]).toMatchObject({ ...common, status: { code: 2, message: 'HTTP 503' } });
      expect(attempts[0].attributes).toMatchObject({ 'labflow.webhook.attempt': 1, 'http.response.status_code': 503, 'labflow.webhook.status': 'pending' });
      expect(attempts[1]).toMatchObject({ ...common, status: { code: 0 } });
      expect(attempts[1].attributes).toMatchObject({ 'labflow.webhook.attempt': 2, 'http.response.status_code': 200, 'labflow.webhook.status': 'delivered' });
    } finally {
      await receiver.stop();
    }
  });
});
