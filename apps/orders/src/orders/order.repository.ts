import { OrderStatus } from '@labflow/contracts';
import { Queryable } from '@labflow/platform/kafka';
import { OrderRecord, ResultRecord, StatusEventRecord } from './order.model';

const ORDER_COLUMNS = `id, lab_id AS "labId", client_id AS "clientId", transaction_id AS "transactionId", origin,
  parent_id AS "parentId", performing_lab AS "performingLab", walk_in AS "walkIn", client_user_id AS "clientUserId",
  patient, biomarkers, status, sequence, created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * The only code that touches orders, order transactions, status history and results, in the session
 * of one unit of work. Every lookup takes the tenant (lab id); client-side lookups take the client id
 * too: another client's id is a miss.
 */
export class OrderRepository {
  constructor(private readonly db: Queryable) {}

  async insertTransaction(t: { id: string; labId: number; clientId: string }): Promise<void> {
    await this.db.query(`INSERT INTO orders.order_transactions (id, lab_id, client_id) VALUES ($1, $2, $3)`, [t.id, t.labId, t.clientId]);
  }

  async insertOrder(o: Omit<OrderRecord, 'sequence' | 'createdAt' | 'updatedAt' | 'status'>): Promise<OrderRecord> {
    const [row] = (await this.db.query(
      `INSERT INTO orders.orders (id, lab_id, client_id, transaction_id, origin, parent_id, performing_lab, walk_in,
         client_user_id, patient, biomarkers, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'ordered') RETURNING ${ORDER_COLUMNS}`,
      [o.id, o.labId, o.clientId, o.transactionId, o.origin, o.parentId, o.performingLab, o.walkIn, o.clientUserId,
        JSON.stringify(o.patient), o.biomarkers],
    )) as OrderRecord[];
    await this.appendStatusEvent(row.id, 'ordered');
    return row;
  }

  /** A client's order, or null when it does not exist for this lab and client. */
  async findOwned(labId: number, clientId: string, orderId: string, lock = false): Promise<OrderRecord | null> {
    const rows = (await this.db.query(
      `SELECT ${ORDER_COLUMNS} FROM orders.orders WHERE lab_id = $1 AND client_id = $2 AND id = $3${lock ? ' FOR UPDATE' : ''}`,
      [labId, clientId, orderId],
    )) as OrderRecord[];
    return rows[0] ?? null;
  }

  /** An order of the lab, whatever the client (the lab partner integration acts for the whole lab). */
  async findForLab(labId: number, orderId: string, lock = false): Promise<OrderRecord | null> {
    const rows = (await this.db.query(
      `SELECT ${ORDER_COLUMNS} FROM orders.orders WHERE lab_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [labId, orderId],
    )) as OrderRecord[];
    return rows[0] ?? null;
  }

  /** Locks the transaction row: changes to one transaction's orders are serialized. */
  async lockTransaction(labId: number, transactionId: string): Promise<void> {
    await this.db.query(`SELECT id FROM orders.order_transactions WHERE lab_id = $1 AND id = $2 FOR UPDATE`, [labId, transactionId]);
  }

  async transactionExists(labId: number, clientId: string, transactionId: string): Promise<boolean> {
    const rows = (await this.db.query(
      `SELECT 1 FROM orders.order_transactions WHERE lab_id = $1 AND client_id = $2 AND id = $3`,
      [labId, clientId, transactionId],
    )) as unknown[];
    return rows.length === 1;
  }

  /** seed 004: the orders of a transaction by ascending creation (the initial first on a tie). */
  async ordersOfTransaction(labId: number, transactionId: string): Promise<OrderRecord[]> {
    return (await this.db.query(
      `SELECT ${ORDER_COLUMNS} FROM orders.orders WHERE lab_id = $1 AND transaction_id = $2
       ORDER BY created_at, (origin = 'redraw'), id`,
      [labId, transactionId],
    )) as OrderRecord[];
  }

  /** Moves an order to `status` (or only bumps its sequence when the status is unchanged). */
  async changeStatus(order: OrderRecord, status: OrderStatus): Promise<OrderRecord> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count]
    const [rows] = (await this.db.query(
      `UPDATE orders.orders SET status = $3, sequence = sequence + 1, updated_at = clock_timestamp()
       WHERE lab_id = $1 AND id = $2 RETURNING ${ORDER_COLUMNS}`,
      [order.labId, order.id, status],
    )) as [OrderRecord[], number];
    const updated = rows[0];
    if (status !== order.status) await this.appendStatusEvent(order.id, status);
    return updated;
  }

  /** The low-level status history: one row per status the order entered. */
  async appendStatusEvent(orderId: string, status: OrderStatus): Promise<void> {
    await this.db.query(`INSERT INTO orders.order_status_events (order_id, status) VALUES ($1, $2)`, [orderId, status]);
  }

  async statusEvents(orderIds: string[]): Promise<StatusEventRecord[]> {
    return (await this.db.query(
      `SELECT order_id AS "orderId", status, created_at AS "createdAt" FROM orders.order_status_events
       WHERE order_id = ANY($1::uuid[]) ORDER BY id`,
      [orderIds],
    )) as StatusEventRecord[];
  }

  async upsertResults(orderId: string, results: Omit<ResultRecord, 'orderId' | 'reportedAt'>[]): Promise<void> {
    for (const r of results) {
      await this.db.query(
        `INSERT INTO orders.order_results (order_id, biomarker, result, unit, missing_reason) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (order_id, biomarker) DO UPDATE
           SET result = EXCLUDED.result, unit = EXCLUDED.unit, missing_reason = EXCLUDED.missing_reason, reported_at = clock_timestamp()`,
        [orderId, r.biomarker, r.result, r.unit, r.missingReason],
      );
    }
  }

  async resultsOf(orderIds: string[]): Promise<ResultRecord[]> {
    return (await this.db.query(
      `SELECT order_id AS "orderId", biomarker, result, unit, missing_reason AS "missingReason", reported_at AS "reportedAt"
       FROM orders.order_results WHERE order_id = ANY($1::uuid[]) ORDER BY biomarker`,
      [orderIds],
    )) as ResultRecord[];
  }
}
