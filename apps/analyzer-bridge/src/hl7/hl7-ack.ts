import { escapeHl7, Hl7Message } from './hl7-message';

/** MSA-1: AA accepted, AE application error (the sender should not resend as is), AR rejected (not processed). */
export type AckCode = 'AA' | 'AE' | 'AR';

const stamp = (now: Date) => now.toISOString().replace(/[-:T]/g, '').slice(0, 14);

/**
 * The ACK to a message, in the message's own delimiters: sender and receiver swapped, MSA-2 the
 * original control id (MSH-10), MSA-3 the reason for AE/AR (and an ERR segment with it).
 */
export function buildAck(original: Hl7Message, code: AckCode, text: string, ackControlId: string, now = new Date()): string {
  const d = original.delimiters;
  const msh = original.segment('MSH');
  const f = (n: number) => msh?.fieldText(n) ?? '';
  const encoding = `${d.component}${d.repeat}${d.escape}${d.subcomponent}`;
  const trigger = msh?.component(9, 2) ?? '';
  const header = ['MSH', encoding, f(5), f(6), f(3), f(4), stamp(now), '', `ACK${d.component}${trigger}${d.component}ACK`, ackControlId, f(11) || 'P', f(12) || '2.5'];
  const segments = [header.join(d.field), ['MSA', code, f(10), escapeHl7(text, d)].join(d.field)];
  // ERR-3 (HL7 table 0357): 207 application internal error; ERR-4 severity E
  if (code !== 'AA') segments.push(['ERR', '', '', `207${d.component}${escapeHl7(text, d)}`, 'E'].join(d.field));
  return `${segments.join('\r')}\r`;
}

/** The ACK for bytes that are not a readable HL7 message (no MSH): a minimal AR with the standard delimiters. */
export function buildRejectWithoutHeader(text: string, ackControlId: string, now = new Date()): string {
  return `MSH|^~\\&|||||${stamp(now)}||ACK|${ackControlId}|P|2.5\rMSA|AR||${text.replace(/[|^~\\&]/g, ' ')}\r`;
}
