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

  async subscribed(manager: EntityManager, labId: number, clientId: string, eventType: WebhookEventType): Promise<WebhookEndpointRecord[]> {
    return (await manager.query(
      `SELECT ${COLUMNS} FROM orders.webhook_endpoints WHERE lab_id = $1 AND client_id = $2 AND $3 = ANY(event_types)`,
      [labId, clientId, eventType],
    )) as WebhookEndpointRecord[];
  }
}
