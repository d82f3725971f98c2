import { ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { newEnvelope } from '@labflow/contracts';
import { traceContextFromHeaders, traceHeaders } from '@labflow/platform/observability';
import { HEADER, stringHeaders, toKafkaMessage } from './wire';

describe('trace context on the wire', () => {
  it('survives a Kafka hop: headers written as strings are read back from Buffers', () => {
    const sender = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1', spanId: 'bbbbbbbbbbbbbbb1', traceFlags: TraceFlags.SAMPLED,
    });
    const envelope = newEnvelope('bill.registered', 1, {}, { labId: 1, correlationId: 'req-1', causationId: null });
    const sent = toKafkaMessage('key-1', envelope, traceHeaders(sender));
    expect(sent.headers?.[HEADER.traceParent]).toBe('00-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1-bbbbbbbbbbbbbbb1-01');
    // kafkajs delivers every header value as a Buffer
    const received = Object.fromEntries(Object.entries(sent.headers ?? {}).map(([k, v]) => [k, Buffer.from(String(v))]));
    const parent = trace.getSpanContext(traceContextFromHeaders(stringHeaders(received)));
    expect(parent).toMatchObject({ traceId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1', spanId: 'bbbbbbbbbbbbbbb1', isRemote: true });
    expect(stringHeaders(received)[HEADER.correlationId]).toBe('req-1');
  });
});
