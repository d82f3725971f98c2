import { EntityManager } from 'typeorm';

/**
 * Records the ids of messages a consumer applied, in the same transaction as the effect
 * (DESIGN §3): a redelivered message finds its id and is acknowledged without effect.
 */
export class PgInbox {
  constructor(private readonly schema: string) {}

  /** True when this is the first time `consumer` sees `messageId`; false for a redelivery. */
  async claim(manager: EntityManager, consumer: string, messageId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO "${this.schema}".inbox (consumer, message_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING message_id`,
      [consumer, messageId],
    );
    return rows.length === 1;
  }

  /** The ids of `messageIds` seen for the first time (claimed now), in one statement: a batch's claim. */
  async claimAll(manager: EntityManager, consumer: string, messageIds: string[]): Promise<Set<string>> {
    if (messageIds.length === 0) return new Set();
    const rows: { message_id: string }[] = await manager.query(
      `INSERT INTO "${this.schema}".inbox (consumer, message_id) SELECT $1, unnest($2::uuid[])
       ON CONFLICT DO NOTHING RETURNING message_id`,
      [consumer, messageIds],
    );
    return asGiven(messageIds, rows);
  }

  /** Which of `messageIds` `consumer` has already applied (read outside any transaction, before the work). */
  async seen(manager: EntityManager, consumer: string, messageIds: string[]): Promise<Set<string>> {
    if (messageIds.length === 0) return new Set();
    const rows: { message_id: string }[] = await manager.query(
      `SELECT message_id FROM "${this.schema}".inbox WHERE consumer = $1 AND message_id = ANY($2::uuid[])`,
      [consumer, messageIds],
    );
    return asGiven(messageIds, rows);
  }

  /** Remembers the reply of a command so a repeated command (same id) answers the same. */
  async saveResponse(manager: EntityManager, consumer: string, messageId: string, response: unknown): Promise<void> {
    await manager.query(
      `UPDATE "${this.schema}".inbox SET response = $3 WHERE consumer = $1 AND message_id = $2`,
      [consumer, messageId, JSON.stringify(response)],
    );
  }

  async storedResponse(manager: EntityManager, consumer: string, messageId: string): Promise<unknown> {
    const rows: { response: unknown }[] = await manager.query(
      `SELECT response FROM "${this.schema}".inbox WHERE consumer = $1 AND message_id = $2`,
      [consumer, messageId],
    );
    return rows[0]?.response ?? null;
  }
}

/**
 * The caller's own spelling of the ids PostgreSQL answered: it returns uuids in lower case, and an
 * envelope id may come in upper case, so a `has(envelope.id)` on the answer must see the caller's form.
 */
function asGiven(messageIds: string[], rows: { message_id: string }[]): Set<string> {
  const answered = new Set(rows.map((r) => r.message_id.toLowerCase()));
  return new Set(messageIds.filter((id) => answered.has(id.toLowerCase())));
}
