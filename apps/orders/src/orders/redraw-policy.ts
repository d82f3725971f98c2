import { OrderRecord, ResultRecord } from './order.model';

/**
 * seed 004: a redraw is offered for an initial, walk-in order at a lab that supports redraws
 * (Labcorp, Quest, BioReference by default) whose results are missing because of a lab error. At most
 * one redraw per transaction: a redraw order is never eligible. Answers the biomarkers to redraw
 * (only the missing ones), or none.
 */
export function biomarkersToRedraw(
  order: Pick<OrderRecord, 'origin' | 'walkIn' | 'performingLab' | 'biomarkers'>,
  results: Pick<ResultRecord, 'biomarker' | 'result' | 'missingReason'>[],
  redrawLabs: readonly string[],
): string[] {
  if (order.origin !== 'initial' || !order.walkIn || !redrawLabs.includes(order.performingLab)) return [];
  const lost = new Set(results.filter((r) => r.result === null && r.missingReason === 'lab_error').map((r) => r.biomarker));
  return order.biomarkers.filter((b) => lost.has(b));
}
