import { ROOT_CONTEXT, SpanStatusCode, trace, TraceFlags } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { activeTraceContext } from './correlation-context';
import { toRecord } from './span-file-exporter';
import { traceHeaders } from './trace-propagation';
import { BackgroundSpan, traceBackgroundWork, traceOnceFound } from './background-span';

const writerTraceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const writerSpanId = '00f067aa0ba902b7';
const writerHeaders = { traceparent: `00-${writerTraceId}-${writerSpanId}-01` };

describe('BackgroundSpan', () => {
  const exporter = new InMemorySpanExporter();
  const finished = () => exporter.getFinishedSpans().map(toRecord);

  beforeAll(() => {
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  });
  afterEach(() => exporter.reset());

  it('continues the trace the stored item carries, and is current while the work runs', async () => {
    let seenInside: Record<string, string> = {};
    const result = await traceBackgroundWork('job specimen.set_received_time', {
      kind: 'consumer', parentHeaders: writerHeaders, attributes: { 'labflow.job.id': 'j-1' },
    }, async (span) => {
      seenInside = traceHeaders(activeTraceContext());
      span.setAttribute('labflow.job.status', 'processed');
      return 42;
    });

    expect(result).toBe(42);
    const [span] = finished();
    expect(span).toMatchObject({
      name: 'job specimen.set_received_time', kind: 'CONSUMER', traceId: writerTraceId, parentSpanId: writerSpanId,
      status: { code: SpanStatusCode.UNSET }, attributes: { 'labflow.job.id': 'j-1', 'labflow.job.status': 'processed' },
    });
    // what the work writes (an outbox row, a log line) names this span, not the writer's
    expect(seenInside).toEqual({ traceparent: `00-${writerTraceId}-${span.spanId}-01` });
    expect(traceHeaders(activeTraceContext())).toEqual({}); // and nothing leaks out of it
  });

  it('starts a trace of its own when the item carries no trace context, or a malformed one', async () => {
    await traceBackgroundWork('sweep', {}, async () => undefined);
    await traceBackgroundWork('sweep', { parentHeaders: { traceparent: 'garbage' } }, async () => undefined);
    const spans = finished();
    expect(spans.map((s) => [s.kind, s.parentSpanId])).toEqual([['INTERNAL', null], ['INTERNAL', null]]);
    expect(spans[0].traceId).not.toBe(spans[1].traceId);
  });

  it('records a throw on the span, ends it, and rethrows', async () => {
    await expect(traceBackgroundWork('deliver', { parentHeaders: writerHeaders }, async () => {
      throw new Error('connection terminated');
    })).rejects.toThrow('connection terminated');
    const [span] = finished();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'connection terminated' });
    expect(span.events.map((e) => [e.name, e.attributes['exception.message']])).toEqual([['exception', 'connection terminated']]);
  });

  it('links the distinct trace contexts of a batch instead of choosing a parent', async () => {
    const other = trace.setSpanContext(ROOT_CONTEXT, { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: TraceFlags.SAMPLED });
    const span = BackgroundSpan.start('publish outbox', {
      kind: 'producer', linkedHeaders: [writerHeaders, traceHeaders(other), writerHeaders, {}],
    });
    span.markError('broker refused');
    span.end();
    const [record] = finished();
    expect(record.parentSpanId).toBeNull();
    expect(record.links).toEqual([{ traceId: writerTraceId, spanId: writerSpanId }, { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16) }]);
    expect(record.status).toEqual({ code: SpanStatusCode.ERROR, message: 'broker refused' });
  });

  describe('traceOnceFound', () => {
    it('records no span when the work found nothing', async () => {
      await expect(traceOnceFound(async () => 0)).resolves.toBe(0);
      expect(finished()).toEqual([]);
    });

    it('ends the span begun inside the work only when the whole work settled (after the commit)', async () => {
      let endedBeforeCommit = true;
      const result = await traceOnceFound(async (begin) => {
        await begin('sweep overdue critical values', { attributes: { 'labflow.overdue.marked': 3 } }).run(async () => undefined);
        await new Promise((r) => setTimeout(r, 10)); // the commit
        endedBeforeCommit = exporter.getFinishedSpans().length > 0;
        return 3;
      });
      expect(result).toBe(3);
      expect(endedBeforeCommit).toBe(false);
      expect(finished()).toMatchObject([{ name: 'sweep overdue critical values', parentSpanId: null, attributes: { 'labflow.overdue.marked': 3 } }]);
    });

    it('fails the begun span when the work throws after it began (a failed commit), and rethrows', async () => {
      await expect(traceOnceFound(async (begin) => {
        begin('job specimen.set_received_time', { parentHeaders: writerHeaders });
        throw new Error('could not serialize access');
      })).rejects.toThrow('could not serialize access');
      expect(finished()).toMatchObject([{ parentSpanId: writerSpanId, status: { code: SpanStatusCode.ERROR, message: 'could not serialize access' } }]);
    });
  });
});
