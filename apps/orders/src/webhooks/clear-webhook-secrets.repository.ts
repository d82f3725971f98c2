import { Queryable } from '@labflow/platform/kafka';
import { WEBHOOK_COMMANDS } from '@labflow/contracts';

/** The inbox consumer a registration's reply is kept under (the command's pattern). */
const REGISTRATION_CONSUMERS = [WEBHOOK_COMMANDS.register.pattern];

/** Endpoints and kept registration replies whose secret was written in clear (before encryption). */
export class ClearWebhookSecrets {
  constructor(private readonly db: Queryable) {}

  async find(): Promise<{ endpoints: { id: string; secret: string }[]; replies: { messageId: string; id: string; secret: string }[] }> {
    const endpoints = (await this.db.query(
      `SELECT id, secret FROM orders.webhook_endpoints WHERE secret LIKE 'whsec\\_%'`,
    )) as { id: string; secret: string }[];
    const replies = (await this.db.query(
      `SELECT message_id AS "messageId", response->>'id' AS id, response->>'secret' AS secret FROM orders.inbox
       WHERE consumer = ANY($1) AND response->>'secret' LIKE 'whsec\\_%'`, [REGISTRATION_CONSUMERS],
    )) as { messageId: string; id: string; secret: string }[];
    return { endpoints, replies };
  }

  /** Replaces a secret only if it is still the one read (another instance may have sealed it first). */
  async replaceSecret(id: string, from: string, to: string): Promise<void> {
    await this.db.query(`UPDATE orders.webhook_endpoints SET secret = $3 WHERE id = $1 AND secret = $2`, [id, from, to]);
  }

  async replaceReplySecret(messageId: string, from: string, to: string): Promise<void> {
    await this.db.query(
      `UPDATE orders.inbox SET response = jsonb_set(response, '{secret}', to_jsonb($3::text))
       WHERE consumer = ANY($4) AND message_id = $1 AND response->>'secret' = $2`,
      [messageId, from, to, REGISTRATION_CONSUMERS],
    );
  }
}
