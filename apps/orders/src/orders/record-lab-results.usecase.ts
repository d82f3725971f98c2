import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LAB_ORDER_COMMANDS, LabResultsInput, OrderView, TOPICS } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { ORDERS_CONFIG, OrdersConfig, redrawLabs } from '../orders.config';
import { OrdersUnitOfWork } from '../orders-unit-of-work';
import { lockedOrderOfLab } from './locked-order';
import { OrderChangePublisher } from './order-change.publisher';
import { orderError } from './order.errors';
import { FINAL_STATUSES, OrderRecord, ResultRecord } from './order.model';
import { biomarkersToRedraw } from './redraw-policy';

type ReportedResult = Omit<ResultRecord, 'orderId' | 'reportedAt'>;

/**
 * The lab partner integration reports results: partial (`final: false`) or the lab's last word
 * (`final: true`). seed 004: a final report of an eligible initial order with results missing because
 * of a lab error moves it to `redraw_available` instead of `completed`, and creates the redraw order
 * (only those biomarkers) in the same transaction; a redraw order is always `completed`.
 */
@Injectable()
@HandlesCommand(LAB_ORDER_COMMANDS.results, LabResultsInput)
export class RecordLabResultsUseCase {
  private readonly redrawLabs: string[];

  constructor(private readonly changes: OrderChangePublisher, @Inject(ORDERS_CONFIG) config: OrdersConfig) {
    this.redrawLabs = redrawLabs(config);
  }

  async execute(command: Command<LabResultsInput>, unit: OrdersUnitOfWork): Promise<OrderView> {
    const order = await lockedOrderOfLab(unit, command.labId, command.input.orderId);
    if (FINAL_STATUSES.includes(order.status)) throw orderError('ORDER_FINISHED', order.status);
    await unit.orders.upsertResults(order.id, reportedResults(order, command.input));
    if (!command.input.final) return this.changes.updated(unit, await unit.orders.changeStatus(order, 'partial_results'));
    return this.finish(unit, order);
  }

  private async finish(unit: OrdersUnitOfWork, order: OrderRecord): Promise<OrderView> {
    const stored = await unit.orders.resultsOf([order.id]);
    const unreported = order.biomarkers.filter((b) => !stored.some((r) => r.biomarker === b));
    // A biomarker the lab never reported is recorded missing, so the results say what happened to it.
    await unit.orders.upsertResults(order.id, unreported.map((b) => ({ biomarker: b, result: null, unit: null, missingReason: 'not_reported' })));
    const redraw = biomarkersToRedraw(order, stored, this.redrawLabs);
    if (redraw.length === 0) return this.changes.updated(unit, await unit.orders.changeStatus(order, 'completed'));
    // The redraw order first, so the initial order's update already lists it in its transaction.
    const redrawOrder = await unit.orders.insertOrder({
      id: randomUUID(), labId: order.labId, clientId: order.clientId, transactionId: order.transactionId, origin: 'redraw',
      parentId: order.id, performingLab: order.performingLab, walkIn: order.walkIn, clientUserId: order.clientUserId,
      patient: order.patient, biomarkers: redraw,
    });
    const view = await this.changes.updated(unit, await unit.orders.changeStatus(order, 'redraw_available'));
    await this.changes.created(unit, redrawOrder);
    await unit.publish(TOPICS.orderRedrawAvailable, {
      orderTransactionId: order.transactionId, orderId: order.id, redrawOrderId: redrawOrder.id,
      missingBiomarkers: redraw, occurredAt: view.updated_at,
    });
    return view;
  }
}

/** Checks a report against the order: known biomarkers, once each, a result or a reason for its absence. */
function reportedResults(order: OrderRecord, input: LabResultsInput): ReportedResult[] {
  const seen = new Set<string>();
  return input.results.map((r) => {
    if (!order.biomarkers.includes(r.biomarker)) throw orderError('BIOMARKER_NOT_ORDERED', r.biomarker);
    if (seen.has(r.biomarker)) throw orderError('DUPLICATE_BIOMARKER', r.biomarker);
    seen.add(r.biomarker);
    // null is absent (the document allows null for an optional field): `missing_reason: null` alone has neither
    if ((r.result == null) === (r.missing_reason == null)) throw orderError('RESULT_OR_MISSING_REASON', r.biomarker);
    return { biomarker: r.biomarker, result: r.result ?? null, unit: r.unit ?? null, missingReason: r.missing_reason ?? null };
  });
}
