import { createWriteStream, mkdirSync, WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { SpanKind } from '@opentelemetry/api';
import { ExportResult, ExportResultCode, hrTimeToMilliseconds } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/** One finished span as a JSON line: what a test or a developer without a collector reads. */
export interface SpanRecord {
  service: string;
  name: string;
  kind: string;
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  startTime: string;
  durationMs: number;
  status: { code: number; message?: string };
  attributes: Record<string, unknown>;
  events: { name: string; attributes: Record<string, unknown> }[];
  /** Spans of other traces this one served (an outbox batch publishing several writers' events). */
  links: { traceId: string; spanId: string }[];
}

/** Writes finished spans to a file, one JSON object a line (appending; several runs share a file). */
export class SpanFileExporter implements SpanExporter {
  private readonly out: WriteStream;

  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.out = createWriteStream(path, { flags: 'a' });
    this.out.on('error', () => undefined); // a full disk loses spans, never the app
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    const lines = spans.map((s) => `${JSON.stringify(toRecord(s))}\n`).join('');
    this.out.write(lines, (error) => resultCallback({ code: error ? ExportResultCode.FAILED : ExportResultCode.SUCCESS, error: error ?? undefined }));
  }

  async shutdown(): Promise<void> {
    await new Promise<void>((resolve) => this.out.end(resolve));
  }
}

export function toRecord(span: ReadableSpan): SpanRecord {
  const context = span.spanContext();
  return {
    service: String(span.resource.attributes['service.name'] ?? ''),
    name: span.name,
    kind: SpanKind[span.kind],
    traceId: context.traceId,
    spanId: context.spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    startTime: new Date(hrTimeToMilliseconds(span.startTime)).toISOString(),
    durationMs: hrTimeToMilliseconds(span.duration),
    status: span.status,
    attributes: { ...span.attributes },
    events: span.events.map((e) => ({ name: e.name, attributes: { ...(e.attributes ?? {}) } })),
    links: span.links.map((l) => ({ traceId: l.context.traceId, spanId: l.context.spanId })),
  };
}
