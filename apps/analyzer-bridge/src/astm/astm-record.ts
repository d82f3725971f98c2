import { AstmDelimiters, unescapeAstm } from './astm-delimiters';

/** E1394 record types: header, patient, order, result, comment, manufacturer, request (query), terminator. */
export type AstmRecordType = 'H' | 'P' | 'O' | 'R' | 'C' | 'M' | 'Q' | 'L';
const TYPES = new Set(['H', 'P', 'O', 'R', 'C', 'M', 'Q', 'L']);

/** A field: its repeats, each a list of components, unescaped. */
export type AstmField = string[][];

/**
 * One parsed record. Fields are numbered as in E1394 (field 1 is the record type, so `R.3` is the
 * universal test id); components from 1.
 */
export class AstmRecord {
  constructor(readonly type: AstmRecordType, readonly fields: readonly AstmField[], readonly raw: string) {}

  /** Every repeat of field `n`, each its components. */
  repeats(n: number): AstmField {
    return this.fields[n - 1] ?? [];
  }

  /** Component `c` of the first repeat of field `n`, '' when absent. */
  component(n: number, c = 1): string {
    return this.repeats(n)[0]?.[c - 1] ?? '';
  }

  /** Component `c` of every non-empty repeat of field `n`. */
  componentOfRepeats(n: number, c = 1): string[] {
    return this.repeats(n).map((r) => r[c - 1] ?? '').filter((v) => v !== '');
  }
}

/**
 * Parses one record with the message's delimiters. A record type is read case-insensitively (some
 * instruments send `r|`); the H record's delimiter field (H.2) is kept whole, not split.
 */
export function parseAstmRecord(text: string, d: AstmDelimiters): AstmRecord | null {
  const type = text[0]?.toUpperCase();
  if (!type || !TYPES.has(type) || (text.length > 1 && text[1] !== d.field)) return null;
  const parts = text.split(d.field);
  const fields = parts.map((part, i): AstmField => {
    if (i === 0 || (type === 'H' && i === 1)) return [[part]];
    return part.split(d.repeat).map((repeat) => repeat.split(d.component).map((c) => unescapeAstm(c, d)));
  });
  return new AstmRecord(type as AstmRecordType, fields, text);
}
