import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { WebhookEventType } from '@labflow/contracts';

export interface WebhookEndpointRecord {
  id: string;
  labId: number;
  clientId: string;
  url: string;
  eventTypes: WebhookEventType[];
  secret: string;
  createdAt: Date;
}

const COLUMNS = `id, lab_id AS "labId", client_id AS "clientId", url, event_types AS "eventTypes", secret, created_at AS "createdAt"`;

/** Client webhook endpoints; every query is scoped by lab and client. */
@Injectable()
export class WebhookEndpointRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, e: Omit<WebhookEndpointRecord, 'createdAt'>): Promise<WebhookEndpointRecord> {
    const [row] = (await manager.query(
      `INSERT INTO orders.webhook_endpoints (id, lab_id, client_id, url, event_types, secret) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING ${COLUMNS}`,
      [e.id, e.labId, e.clientId, e.url, e.eventTypes, e.secret],
    )) as WebhookEndpointRecord[];
    return row;
  }

  async list(labId: number, clientId: string): Promise<WebhookEndpointRecord[]> {
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM orders.webhook_endpoints WHERE lab_id = $1 AND client_id = $2 ORDER BY created_at, id`,
      [labId, clientId],
    )) as WebhookEndpointRecord[];
  }

  async find(labId: number, clientId: string, id: string): Promise<WebhookEndpointRecord | null> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM orders.webhook_endpoints WHERE lab_id = $1 AND client_id = $2 AND id = $3`,
      [labId, clientId, id],
    )) as WebhookEndpointRecord[];
    return rows[0] ?? null;
  }

  /** Endpoints and stored registration replies whose secret was written in clear (before encryption). */
  async clearSecrets(): Promise<{ endpoints: { id: string; secret: string }[]; replies: { messageId: string; id: string; secret: string }[] }> {
    const endpoints = (await this.dataSource.query(
      `SELECT id, secret FROM orders.webhook_endpoints WHERE secret LIKE 'whsec\\_%'`,
    )) as { id: string; secret: string }[];
    const replies = (await this.dataSource.query(
      `SELECT message_id AS "messageId", response->>'id' AS id, response->>'secret' AS secret FROM orders.inbox
       WHERE consumer = 'webhook_endpoint.register' AND response->>'secret' LIKE 'whsec\\_%'`,
    )) as { messageId: string; id: string; secret: string }[];
    return { endpoints, replies };
  }

  /** Replaces a secret only if it is still the one read (another instance may have sealed it first). */
  async replaceSecret(id: string, from: string, to: string): Promise<void> {
    await this.dataSource.query(`UPDATE orders.webhook_endpoints SET secret = $3 WHERE id = $1 AND secret = $2`, [id, from, to]);
  }

  async replaceReplySecret(messageId: string, from: string, to: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE orders.inbox SET response = jsonb_set(response, '{secret}', to_jsonb($3::text))
       WHERE consumer = 'webhook_endpoint.register' AND message_id = $1 AND response->>'secret' = $2`,
      [messageId, from, to],
    );
  }

  async subscribed(manager: EntityManager, labId: number, clientId: string, eventType: WebhookEventType): Promise<WebhookEndpointRecord[]> {
    return (await manager.query(
      `SELECT ${COLUMNS} FROM orders.webhook_endpoints WHERE lab_id = $1 AND client_id = $2 AND $3 = ANY(event_types)`,
      [labId, clientId, eventType],
    )) as WebhookEndpointRecord[];
  }
}
