import { ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { activeTraceContext, runWithTraceContext } from './correlation-context';
import { traceContextFromHeaders, traceHeaders } from './trace-propagation';

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const spanId = '00f067aa0ba902b7';
const sending = trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags: TraceFlags.SAMPLED });

describe('trace context in headers', () => {
  it('writes the W3C traceparent of a span and reads it back as its remote parent', () => {
    const headers = traceHeaders(sending);
    expect(headers).toEqual({ traceparent: `00-${traceId}-${spanId}-01` });
    expect(trace.getSpanContext(traceContextFromHeaders(headers))).toEqual({
      traceId, spanId, traceFlags: TraceFlags.SAMPLED, isRemote: true,
    });
  });

  it('carries tracestate along', () => {
    const parent = traceContextFromHeaders({ traceparent: `00-${traceId}-${spanId}-00`, tracestate: 'vendor=abc' });
    expect(traceHeaders(parent)).toEqual({ traceparent: `00-${traceId}-${spanId}-00`, tracestate: 'vendor=abc' });
  });

  it('writes nothing outside a span, and reads missing or malformed headers as no parent', () => {
    expect(traceHeaders(ROOT_CONTEXT)).toEqual({});
    expect(traceHeaders()).toEqual({});
    expect(trace.getSpanContext(traceContextFromHeaders({}))).toBeUndefined();
    expect(trace.getSpanContext(traceContextFromHeaders({ traceparent: 'not-a-traceparent' }))).toBeUndefined();
    expect(trace.getSpanContext(traceContextFromHeaders({ traceparent: `00-${'0'.repeat(32)}-${spanId}-01` }))).toBeUndefined();
  });

  it('takes the current unit of work by default', () => {
    runWithTraceContext(sending, () => {
      expect(activeTraceContext()).toBe(sending);
      expect(traceHeaders().traceparent).toBe(`00-${traceId}-${spanId}-01`);
    });
    expect(traceHeaders()).toEqual({});
  });
});
