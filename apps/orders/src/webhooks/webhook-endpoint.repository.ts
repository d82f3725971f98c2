import { WebhookEventType } from '@labflow/contracts';
import { Queryable } from '@labflow/platform/kafka';

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

/** Client webhook endpoints, in the session of one unit of work; every query is scoped by lab and client. */
export class WebhookEndpointRepository {
  constructor(private readonly db: Queryable) {}

  async insert(e: Omit<WebhookEndpointRecord, 'createdAt'>): Promise<WebhookEndpointRecord> {
    const [row] = (await this.db.query(
      `INSERT INTO orders.webhook_endpoints (id, lab_id, client_id, url, event_types, secret) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING ${COLUMNS}`,
      [e.id, e.labId, e.clientId, e.url, e.eventTypes, e.secret],
    )) as WebhookEndpointRecord[];
    return row;
  }

  async list(labId: number, clientId: string): Promise<WebhookEndpointRecord[]> {
    return (await this.db.query(
      `SELECT ${COLUMNS} FROM orders.webhook_endpoints WHERE lab_id = $1 AND client_id = $2 ORDER BY created_at, id`,
      [labId, clientId],
    )) as WebhookEndpointRecord[];
  }

  async find(labId: number, clientId: string, id: string): Promise<WebhookEndpointRecord | null> {
    const rows = (await this.db.query(
      `SELECT ${COLUMNS} FROM orders.webhook_endpoints WHERE lab_id = $1 AND client_id = $2 AND id = $3`,
      [labId, clientId, id],
    )) as WebhookEndpointRecord[];
    return rows[0] ?? null;
  }

  async subscribed(labId: number, clientId: string, eventType: WebhookEventType): Promise<WebhookEndpointRecord[]> {
    return (await this.db.query(
      `SELECT ${COLUMNS} FROM orders.webhook_endpoints WHERE lab_id = $1 AND client_id = $2 AND $3 = ANY(event_types)`,
      [labId, clientId, eventType],
    )) as WebhookEndpointRecord[];
  }
}
