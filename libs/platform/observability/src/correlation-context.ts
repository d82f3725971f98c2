import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line of one unit of work carries: the request or message it serves. */
export interface CorrelationContext {
  correlationId: string;
  messageId?: string;
  topic?: string;
}

const storage = new AsyncLocalStorage<CorrelationContext>();

export function runWithCorrelation<T>(context: CorrelationContext, work: () => T): T {
  return storage.run(context, work);
}

/** For a framework hook that cannot wrap the rest of the request (Fastify onRequest). */
export function enterCorrelation(context: CorrelationContext): void {
  storage.enterWith(context);
}

export function currentCorrelation(): CorrelationContext | undefined {
  return storage.getStore();
}
