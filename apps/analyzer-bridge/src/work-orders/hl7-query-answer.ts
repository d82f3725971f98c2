import { escapeHl7, Hl7Message } from '../hl7/hl7-message';
import { VendorProfile } from '../profiles/vendor-profile';
import { QueriedSample } from './astm-query-answer';
import { instrumentCodeOf } from './work-order.client';

const stamp = (now: Date) => now.toISOString().replace(/[-:T]/g, '').slice(0, 14);

/**
 * RSP^K11 to a QBP^Q11 (HL7 v2.5 chapter 5, the segment pattern query), in the query's delimiters:
 * MSA AA with the query's control id; QAK-1 the query tag (QPD-2), QAK-2 OK with work or NF (no data
 * found) without, QAK-3 the query name (QPD-1); QPD echoed; per sample SPM-2 the sample id, then per
 * test to run ORC (NW new order) and OBR (OBR-3 the sample id, OBR-4 the instrument's code).
 */
export function hl7QueryAnswer(query: Hl7Message, samples: QueriedSample[], profile: VendorProfile, controlId: string, now = new Date()): string {
  const d = query.delimiters;
  const msh = query.segment('MSH');
  const qpd = query.segment('QPD');
  const f = (n: number) => msh?.fieldText(n) ?? '';
  const encoding = `${d.component}${d.repeat}${d.escape}${d.subcomponent}`;
  const segments = [
    ['MSH', encoding, f(5), f(6), f(3), f(4), stamp(now), '', `RSP${d.component}K11${d.component}RSP_K11`, controlId, f(11) || 'P', f(12) || '2.5'].join(d.field),
  ];
  const failed = samples.some((s) => s.workOrder === null);
  segments.push(['MSA', failed ? 'AE' : 'AA', f(10), failed ? 'work order not available, ask again' : ''].join(d.field));
  const orders: string[] = [];
  let seq = 0;
  samples.forEach((sample, i) => {
    const parameters = sample.workOrder?.reports.flatMap((r) => r.parameters) ?? [];
    if (parameters.length === 0) return;
    orders.push(['SPM', String(i + 1), escapeHl7(sample.sampleId, d)].join(d.field));
    for (const code of new Set(parameters.map((p) => instrumentCodeOf(p.testName, profile.testNames)))) {
      seq += 1;
      orders.push(['ORC', 'NW', escapeHl7(sample.sampleId, d)].join(d.field));
      orders.push(['OBR', String(seq), '', escapeHl7(sample.sampleId, d), escapeHl7(code, d)].join(d.field));
    }
  });
  const queryTag = qpd?.fieldText(2) ?? '';
  segments.push(['QAK', queryTag, failed ? 'AE' : orders.length > 0 ? 'OK' : 'NF', qpd?.fieldText(1) ?? ''].join(d.field));
  if (qpd) segments.push(qpd.raw);
  segments.push(...orders);
  return `${segments.join('\r')}\r`;
}
