import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { CommandRequest, LabResultsInput, MessageContext, OrderView, TOPICS } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox, PgOutbox } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { ORDERS_CONFIG, OrdersConfig, redrawLabs } from '../orders.config';
import { applyOnce } from './apply-once';
import { OrderChangePublisher } from './order-change.publisher';
import { OrderErrors } from './order.errors';
import { FINAL_STATUSES, OrderRecord, ResultRecord } from './order.model';
import { OrderRepository } from './order.repository';
import { biomarkersToRedraw } from './redraw-policy';

type ReportedResult = Omit<ResultRecord, 'orderId' | 'reportedAt'>;

/**
 * The lab partner integration reports results: partial (`final: false`) or the lab's last word
 * (`final: true`). seed 004: a final report of an eligible initial order with results missing because
 * of a lab error moves it to `redraw_available` instead of `completed`, and creates the redraw order
 * (only those biomarkers) in the same transaction; a redraw order is always `completed`.
 */
@Injectable()
export class RecordLabResultsUseCase {
  private readonly redrawLabs: string[];

  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly changes: OrderChangePublisher,
    private readonly outbox: PgOutbox,
    private readonly inbox: PgInbox,
    @Inject(ORDERS_CONFIG) config: OrdersConfig,
  ) {
    this.redrawLabs = redrawLabs(config);
  }

  async execute(request: CommandRequest, ctx: KafkaMessageContext): Promise<OrderView> {
    const { principal, input } = authenticatedInput(LabResultsInput, request);
    const found = await this.orders.findForLab(principal.labId, input.orderId);
    if (!found) throw OrderErrors.orderNotFound();
    return applyOnce(this.dataSource, this.inbox, 'lab_order.results', ctx, async (manager) => {
      await this.orders.lockTransaction(manager, principal.labId, found.transactionId);
      const order = await this.orders.findForLab(principal.labId, input.orderId, manager, true);
      if (!order) throw OrderErrors.orderNotFound();
      if (FINAL_STATUSES.includes(order.status)) throw OrderErrors.finished(order.status);
      await this.orders.upsertResults(manager, order.id, reportedResults(order, input));
      if (!input.final) {
        return this.changes.updated(manager, await this.orders.changeStatus(manager, order, 'partial_results'), ctx.causedContext);
      }
      return this.finish(manager, order, ctx.causedContext);
    });
  }

  private async finish(manager: EntityManager, order: OrderRecord, ctx: MessageContext): Promise<OrderView> {
    const stored = await this.orders.resultsOf([order.id], manager);
    const unreported = order.biomarkers.filter((b) => !stored.some((r) => r.biomarker === b));
    // A biomarker the lab never reported is recorded missing, so the results say what happened to it.
    await this.orders.upsertResults(manager, order.id, unreported.map((b) => ({ biomarker: b, result: null, unit: null, missingReason: 'not_reported' })));
    const redraw = biomarkersToRedraw(order, stored, this.redrawLabs);
    if (redraw.length === 0) {
      return this.changes.updated(manager, await this.orders.changeStatus(manager, order, 'completed'), ctx);
    }
    // The redraw order first, so the initial order's update already lists it in its transaction.
    const redrawOrder = await this.orders.insertOrder(manager, {
      id: randomUUID(), labId: order.labId, clientId: order.clientId, transactionId: order.transactionId, origin: 'redraw',
      parentId: order.id, performingLab: order.performingLab, walkIn: order.walkIn, clientUserId: order.clientUserId,
      patient: order.patient, biomarkers: redraw,
    });
    const view = await this.changes.updated(manager, await this.orders.changeStatus(manager, order, 'redraw_available'), ctx);
    await this.changes.created(manager, redrawOrder, ctx);
    await this.outbox.add(manager, TOPICS.orderRedrawAvailable, {
      orderTransactionId: order.transactionId, orderId: order.id, redrawOrderId: redrawOrder.id,
      missingBiomarkers: redraw, occurredAt: view.updated_at,
    }, ctx);
    return view;
  }
}

/** Checks a report against the order: known biomarkers, once each, a result or a reason for its absence. */
function reportedResults(order: OrderRecord, input: LabResultsInput): ReportedResult[] {
  const seen = new Set<string>();
  return input.results.map((r) => {
    if (!order.biomarkers.includes(r.biomarker)) throw OrderErrors.biomarkerNotOrdered(r.biomarker);
    if (seen.has(r.biomarker)) throw OrderErrors.duplicateBiomarker(r.biomarker);
    seen.add(r.biomarker);
    if ((r.result === undefined) === (r.missing_reason === undefined)) throw OrderErrors.resultOrReason(r.biomarker);
    return { biomarker: r.biomarker, result: r.result ?? null, unit: r.unit ?? null, missingReason: r.missing_reason ?? null };
  });
}
