import { BiomarkerResultView } from '@labflow/contracts';
import { OrderRecord, ResultRecord } from './order.model';
import { iso } from './order-views';

export function resultViewOf(r: ResultRecord, order: Pick<OrderRecord, 'id' | 'origin'>): BiomarkerResultView {
  return {
    biomarker: r.biomarker, result: r.result, unit: r.unit, status: r.result !== null ? 'final' : 'missing',
    missing_reason: r.missingReason, order_id: order.id, origin: order.origin, reported_at: iso(r.reportedAt),
  };
}

/**
 * seed 004 ("use the order transaction endpoint to retrieve combined results"): for each biomarker of
 * the initial order, the value from whichever order produced one (the redraw retests only what was
 * missing); when none did, the latest report of it missing.
 */
export function combineResults(orders: OrderRecord[], results: ResultRecord[]): BiomarkerResultView[] {
  const initial = orders.find((o) => o.origin === 'initial');
  if (!initial) return [];
  const byOrder = new Map(orders.map((o) => [o.id, o]));
  // later orders first: a value from the redraw replaces the initial's missing entry
  const ranked = [...orders].reverse();
  return initial.biomarkers.map((biomarker) => {
    const reports = ranked.flatMap((o) => results.filter((r) => r.orderId === o.id && r.biomarker === biomarker));
    const chosen = reports.find((r) => r.result !== null) ?? reports[0];
    return chosen ? resultViewOf(chosen, byOrder.get(chosen.orderId) as OrderRecord) : null;
  }).filter((v): v is BiomarkerResultView => v !== null);
}
