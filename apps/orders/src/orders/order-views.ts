import { OrderTransactionView, OrderView } from '@labflow/contracts';
import { OrderRecord } from './order.model';
import { OrderRepository } from './order.repository';
import { highLevelStatusOf, transactionStatusOf } from './order-transaction-status';

type OrderReads = Pick<OrderRepository, 'ordersOfTransaction' | 'statusEvents'>;

/** The order as a client sees it, with its status history and its transaction (the snake_case mapping lives here only). */
export async function orderViewOf(orders: OrderReads, order: OrderRecord): Promise<OrderView> {
  const members = await orders.ordersOfTransaction(order.labId, order.transactionId);
  const events = await orders.statusEvents([order.id]);
  return {
    id: order.id,
    order_transaction_id: order.transactionId,
    origin: order.origin,
    parent_id: order.parentId,
    status: highLevelStatusOf(order.status),
    low_level_status: order.status,
    sequence: order.sequence,
    lab: order.performingLab,
    walk_in: order.walkIn,
    client_user_id: order.clientUserId,
    patient_details: order.patient,
    biomarkers: order.biomarkers,
    events: events.map((e) => ({ status: e.status, created_at: iso(e.createdAt) })),
    order_transaction: transactionViewOf(order.transactionId, members),
    created_at: iso(order.createdAt),
    updated_at: iso(order.updatedAt),
  };
}

export function transactionViewOf(transactionId: string, members: OrderRecord[]): OrderTransactionView {
  return {
    id: transactionId,
    status: transactionStatusOf(members),
    orders: members.map((o) => ({
      id: o.id, origin: o.origin, parent_id: o.parentId, low_level_status: o.status,
      created_at: iso(o.createdAt), updated_at: iso(o.updatedAt),
    })),
  };
}

export function iso(value: Date | string): string {
  return new Date(value).toISOString();
}
