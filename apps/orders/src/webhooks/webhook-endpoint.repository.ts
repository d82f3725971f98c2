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
  /** Set while the endpoint is disabled: no deliveries are queued or sent. */
  disabledAt: Date | null;
}

const COLUMNS = `id, lab_id AS "labId", client_id AS "clientId", url, event_types AS "eventTypes", secret, created_at AS "createdAt",
  disabled_at AS "disabledAt"`;

/** Client webhook endpoints, in the session of one unit of work; every query is scoped by lab and client. */
export class WebhookEndpointRepository {
  constructor(private readonly db: Queryable) {}

  async insert(e: Omit<WebhookEndpointRecord, 'createdAt' | 'disabledAt'>): Promise<WebhookEndpointRecord> {
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
      `SELECT ${COLUMNS} FROM orders.webhook_endpoints WHERE lab_id = $1 AND client_id = $2 AND $3 = ANY(event_types)
         AND disabled_at IS NULL`,
      [labId, clientId, eventType],
    )) as WebhookEndpointRecord[];
  }

  /**
   * The new (sealed) secret replaces the current one, which stays valid until `graceSeconds` from now;
   * a secret kept from an earlier rotation is dropped. Answers when the previous secret expires.
   */
  async rotateSecret(id: string, sealed: string, graceSeconds: number): Promise<Date> {
    const [rows] = (await this.db.query(
      `UPDATE orders.webhook_endpoints SET previous_secret = secret, secret = $2,
         previous_secret_expires_at = clock_timestamp() + $3 * interval '1 second'
       WHERE id = $1 RETURNING previous_secret_expires_at AS "expiresAt"`,
      [id, sealed, graceSeconds],
    )) as [{ expiresAt: Date }[], number];
    return rows[0].expiresAt;
  }

  /** Disables (the time it was first disabled is kept) or re-enables an endpoint; answers the record. */
  async setEnabled(id: string, enabled: boolean): Promise<WebhookEndpointRecord> {
    const [rows] = (await this.db.query(
      `UPDATE orders.webhook_endpoints SET disabled_at = CASE WHEN $2 THEN NULL ELSE COALESCE(disabled_at, clock_timestamp()) END
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, enabled],
    )) as [WebhookEndpointRecord[], number];
    return rows[0];
  }
}
