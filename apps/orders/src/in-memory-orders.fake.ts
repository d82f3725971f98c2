import { OrderStatus, PlaceOrderInput, Principal, systemPrincipal, WebhookEventType } from '@labflow/contracts';
import { Command, commandFor, failureOf as answered, inMemoryUnitOfWork, RepositoryOf } from '@labflow/platform/handling';
import { OrdersConfig } from './orders.config';
import { OrderChangePublisher } from './orders/order-change.publisher';
import { ORDER_ERRORS } from './orders/order.errors';
import { PlaceOrderUseCase } from './orders/place-order.usecase';
import { WebhookOutbox } from './webhooks/webhook-outbox';
import { OrdersRepositories } from './orders-unit-of-work';
import { OrderRecord, ResultRecord, StatusEventRecord } from './orders/order.model';
import { OrderRepository } from './orders/order.repository';
import { DeliveryWithAttempts, WebhookDeliveryRepository } from './webhooks/webhook-delivery.repository';
import { WebhookEndpointRecord, WebhookEndpointRepository } from './webhooks/webhook-endpoint.repository';

/** A clock that moves one millisecond per reading, so creation order is visible in timestamps. */
let tick = Date.parse('2026-05-25T08:00:00Z');
const now = () => new Date(tick++);

/** The orders tables in memory, with the repository's rules: tenant and client scoping, history, sequence. */
export class InMemoryOrderRepository implements RepositoryOf<OrderRepository> {
  readonly transactions: { id: string; labId: number; clientId: string }[] = [];
  readonly rows: OrderRecord[] = [];
  readonly events: StatusEventRecord[] = [];
  readonly results: ResultRecord[] = [];
  readonly locked: string[] = [];

  async insertTransaction(t: { id: string; labId: number; clientId: string }): Promise<void> {
    this.transactions.push({ ...t });
  }

  async insertOrder(o: Omit<OrderRecord, 'sequence' | 'createdAt' | 'updatedAt' | 'status'>): Promise<OrderRecord> {
    const at = now();
    const row: OrderRecord = { ...o, status: 'ordered', sequence: 1, createdAt: at, updatedAt: at };
    this.rows.push(row);
    await this.appendStatusEvent(row.id, 'ordered');
    return { ...row };
  }

  async findOwned(labId: number, clientId: string, orderId: string): Promise<OrderRecord | null> {
    return this.copy(this.rows.find((o) => o.labId === labId && o.clientId === clientId && o.id === orderId));
  }

  async findForLab(labId: number, orderId: string): Promise<OrderRecord | null> {
    return this.copy(this.rows.find((o) => o.labId === labId && o.id === orderId));
  }

  async lockTransaction(labId: number, transactionId: string): Promise<void> {
    this.locked.push(`${labId}:${transactionId}`);
  }

  async transactionExists(labId: number, clientId: string, transactionId: string): Promise<boolean> {
    return this.transactions.some((t) => t.labId === labId && t.clientId === clientId && t.id === transactionId);
  }

  async ordersOfTransaction(labId: number, transactionId: string): Promise<OrderRecord[]> {
    return this.rows.filter((o) => o.labId === labId && o.transactionId === transactionId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || Number(a.origin === 'redraw') - Number(b.origin === 'redraw'))
      .map((o) => ({ ...o }));
  }

  async changeStatus(order: OrderRecord, status: OrderStatus): Promise<OrderRecord> {
    const row = this.rows.find((o) => o.labId === order.labId && o.id === order.id) as OrderRecord;
    Object.assign(row, { status, sequence: row.sequence + 1, updatedAt: now() });
    if (status !== order.status) await this.appendStatusEvent(order.id, status);
    return { ...row };
  }

  async appendStatusEvent(orderId: string, status: OrderStatus): Promise<void> {
    this.events.push({ orderId, status, createdAt: now() });
  }

  async statusEvents(orderIds: string[]): Promise<StatusEventRecord[]> {
    return this.events.filter((e) => orderIds.includes(e.orderId));
  }

  async upsertResults(orderId: string, results: Omit<ResultRecord, 'orderId' | 'reportedAt'>[]): Promise<void> {
    for (const r of results) {
      const kept = this.results.filter((x) => !(x.orderId === orderId && x.biomarker === r.biomarker));
      this.results.splice(0, this.results.length, ...kept, { ...r, orderId, reportedAt: now() });
    }
  }

  async resultsOf(orderIds: string[]): Promise<ResultRecord[]> {
    return this.results.filter((r) => orderIds.includes(r.orderId)).sort((a, b) => a.biomarker.localeCompare(b.biomarker));
  }

  /** The stored order (for assertions). */
  stored(orderId: string): OrderRecord | undefined {
    return this.rows.find((o) => o.id === orderId);
  }

  private copy(order: OrderRecord | undefined): OrderRecord | null {
    return order ? { ...order } : null;
  }
}

export class InMemoryWebhookEndpoints implements RepositoryOf<WebhookEndpointRepository> {
  readonly rows: (WebhookEndpointRecord & { previousSecret?: string; previousSecretExpiresAt?: Date })[] = [];

  async insert(e: Omit<WebhookEndpointRecord, 'createdAt' | 'disabledAt'>): Promise<WebhookEndpointRecord> {
    const row = { ...e, createdAt: now(), disabledAt: null };
    this.rows.push(row);
    return { ...row };
  }

  async list(labId: number, clientId: string): Promise<WebhookEndpointRecord[]> {
    return this.rows.filter((e) => e.labId === labId && e.clientId === clientId);
  }

  async find(labId: number, clientId: string, id: string): Promise<WebhookEndpointRecord | null> {
    return this.rows.find((e) => e.labId === labId && e.clientId === clientId && e.id === id) ?? null;
  }

  async subscribed(labId: number, clientId: string, eventType: WebhookEventType): Promise<WebhookEndpointRecord[]> {
    return (await this.list(labId, clientId)).filter((e) => e.eventTypes.includes(eventType) && e.disabledAt === null);
  }

  async rotateSecret(id: string, sealed: string, graceSeconds: number): Promise<Date> {
    const row = this.rows.find((e) => e.id === id) as InMemoryWebhookEndpoints['rows'][number];
    row.previousSecret = row.secret;
    row.secret = sealed;
    row.previousSecretExpiresAt = new Date(Date.now() + graceSeconds * 1000);
    return row.previousSecretExpiresAt;
  }

  async setEnabled(id: string, enabled: boolean): Promise<WebhookEndpointRecord> {
    const row = this.rows.find((e) => e.id === id) as WebhookEndpointRecord;
    row.disabledAt = enabled ? null : row.disabledAt ?? now();
    return { ...row };
  }
}

type NewDelivery = Parameters<WebhookDeliveryRepository['insert']>[0];

export class InMemoryWebhookDeliveries implements RepositoryOf<WebhookDeliveryRepository> {
  readonly rows: (NewDelivery & { attempts: DeliveryWithAttempts['attempts'] })[] = [];

  async insert(d: NewDelivery): Promise<void> {
    this.rows.push({ ...d, attempts: [] });
  }

  async ofEndpoint(endpointId: string): Promise<DeliveryWithAttempts[]> {
    return this.rows.filter((d) => d.endpointId === endpointId).map((d) => ({
      messageId: d.messageId, eventType: d.eventType, orderId: d.orderId, sequence: d.sequence, status: 'pending', attempts: d.attempts,
    }));
  }
}

/** An orders unit of work over fresh in-memory repositories. */
export function inMemoryOrdersUnit() {
  const repositories = {
    orders: new InMemoryOrderRepository(),
    webhookEndpoints: new InMemoryWebhookEndpoints(),
    webhookDeliveries: new InMemoryWebhookDeliveries(),
  };
  return inMemoryUnitOfWork(repositories satisfies OrdersRepositories);
}

export const LAB = 41;

/** The command a client (`clientId`) of `labId` sends, as the seam builds it. */
export function clientCommand<I extends object>(input: I, who: { labId?: number; clientId?: string } = {}): Command<I> {
  const principal: Principal = { ...systemPrincipal(who.labId ?? LAB), sub: 'svc-a', loginType: 'lab_user', clientId: who.clientId ?? 'client-a' };
  return commandFor(principal, input);
}

export const ORDER_CONFIG = Object.assign(new OrdersConfig(), { REDRAW_LABS: 'quest', WEBHOOK_RETRY_SCHEDULE_MS: '0,5000' });

/** The order-change publisher the use cases get, writing webhooks through the unit of work. */
export const changePublisher = () => new OrderChangePublisher(new WebhookOutbox(ORDER_CONFIG));

export const placeInput = (overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput => ({
  patient_details: { first_name: 'Ada', last_name: 'Lovelace', dob: '1990-04-01', gender: 'female' },
  biomarkers: ['glucose', 'hba1c'], lab: 'quest', walk_in: true, ...overrides,
});

/** Places an order through the use case itself; answers its id and transaction id. */
export async function placedOrder(unit: ReturnType<typeof inMemoryOrdersUnit>, overrides: Partial<PlaceOrderInput> = {}, who = {}) {
  const placed = await new PlaceOrderUseCase(changePublisher()).execute(clientCommand(placeInput(overrides), who), unit);
  unit.published.length = 0;
  return { orderId: placed.order_id, transactionId: placed.order_transaction_id };
}

/** The domain error a promise fails with, as the caller sees it (status, code, message). */
export const failureOf = (promise: Promise<unknown>) => answered(ORDER_ERRORS, promise);
