import { AsyncLocalStorage } from 'node:async_hooks';
import { WrittenEvent } from '@labflow/contracts';

const scope = new AsyncLocalStorage<WrittenEvent[]>();

/**
 * Runs a command's handler with a record of the events its writes commit to an outbox (PgOutbox and
 * the Mongo entries record them once written): the reply lists them, so the caller's next command
 * can wait for them (read your writes). Outside a command nothing is recorded.
 */
export async function collectWrittenEvents<T>(run: () => Promise<T>): Promise<{ result: T; written: WrittenEvent[] }> {
  const written: WrittenEvent[] = [];
  const result = await scope.run(written, run);
  return { result, written };
}

/** Called by an outbox once its rows are written (in the transaction that commits them, or as one statement). */
export function recordWrittenEvents(events: readonly { id: string; type: string }[]): void {
  const written = scope.getStore();
  if (!written) return;
  for (const e of events) written.push({ topic: e.type, id: e.id });
}
