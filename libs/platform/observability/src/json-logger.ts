import { LoggerService } from '@nestjs/common';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { Logger } from 'pino';
import { activeTraceContext, currentCorrelation } from './correlation-context';

/**
 * Nest's logger as structured JSON lines (pino), each carrying the app and the correlation id of the
 * request or message being handled, so one `grep <correlationId>` follows a result through every hop,
 * and the trace and span ids of that work, so a log line leads to its trace and back.
 * Patient names and values are never logged at info level: log ids, not payloads.
 *
 * Lines go to stdout asynchronously: a line written while the previous write is still in flight joins
 * the next write, so under load many lines cost one syscall instead of one each (a socket or file write
 * is a large share of a consumer's CPU on a small VM) while a lone line still leaves at once. pino
 * flushes what is pending synchronously when the process exits; only a SIGKILL can lose the lines of
 * the write in flight.
 */
export class JsonLogger implements LoggerService {
  private readonly pino: Logger;

  constructor(app: string, level = 'info') {
    this.pino = pino({
      level,
      base: { app, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => ({ ...correlationFields(), ...traceFields() }),
    }, pino.destination({ dest: 1, sync: false }));
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, rest: unknown[]): void {
    // Nest passes the context (class name) last; errors pass a stack before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const stack = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    if (message instanceof Error) {
      this.pino[level]({ context, err: message }, message.message);
      return;
    }
    const text = typeof message === 'string' ? message : JSON.stringify(message);
    this.pino[level]({ context, ...(stack ? { stack } : {}) }, text);
  }
}

function correlationFields(): Record<string, string | undefined> {
  const c = currentCorrelation();
  return c ? { correlationId: c.correlationId, messageId: c.messageId, topic: c.topic } : {};
}

function traceFields(): Record<string, string> {
  const span = trace.getSpanContext(activeTraceContext());
  return span && isSpanContextValid(span) ? { traceId: span.traceId, spanId: span.spanId } : {};
}
