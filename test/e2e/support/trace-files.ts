import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SpanRecord } from '@labflow/platform/observability';
import { currentEnvironment } from '@labflow/tools/dev';

/** What the test environment's apps write beside their logs: JSON log lines and finished spans (TRACES_FILE_DIR, test/app-test-env.ts). */
export type LogLine = Record<string, string>;

function jsonLines<T>(file: string, keep: (line: string) => boolean): T[] {
  const path = join(currentEnvironment().logDir, file);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter((l) => l && keep(l)).map((l) => JSON.parse(l) as T);
}

/** An app's log lines that mention `id`. */
export const logOf = (app: string, id: string) => jsonLines<LogLine>(`${app}.log`, (l) => l.includes(id));

/** An app's spans that mention `traceId`: the spans of that trace, and spans linking to it. */
export const spansOf = (app: string, traceId: string) => jsonLines<SpanRecord>(`${app}.spans.jsonl`, (l) => l.includes(traceId));

/** A caller's own trace: what a LIMS UI or an interfacing bridge sends as `traceparent`. */
export function callerTrace(): { traceId: string; callerSpanId: string; headers: Record<string, string> } {
  const traceId = randomBytes(16).toString('hex');
  const callerSpanId = randomBytes(8).toString('hex');
  return { traceId, callerSpanId, headers: { traceparent: `00-${traceId}-${callerSpanId}-01` } };
}

/** The span ids a W3C traceparent header names. */
export function traceparentIds(traceparent: string | undefined): { traceId: string; spanId: string } {
  const [, traceId, spanId] = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/.exec(traceparent ?? '') ?? [];
  if (!traceId) throw new Error(`not a traceparent: ${traceparent}`);
  return { traceId, spanId };
}
