import { DataSource, EntityManager } from 'typeorm';
import { DomainException, KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';

/**
 * Runs a write command in one transaction that claims the command's envelope id in the inbox: a
 * repeated command (same Idempotency-Key, or a redelivery) answers the stored reply without effect.
 */
export async function applyOnce<T>(
  dataSource: DataSource, inbox: PgInbox, consumer: string, ctx: KafkaMessageContext,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    if (!(await inbox.claim(manager, consumer, ctx.envelope.id))) {
      const stored = await inbox.storedResponse(manager, consumer, ctx.envelope.id);
      if (stored !== null) return stored as T;
      throw new DomainException(409, 'DUPLICATE_COMMAND', 'This request was already applied');
    }
    const result = await work(manager);
    await inbox.saveResponse(manager, consumer, ctx.envelope.id, result);
    return result;
  });
}
