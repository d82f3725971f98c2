/** HL7 v2 encoding characters, read from MSH-1 and MSH-2 (never assumed). */
export interface Hl7Delimiters {
  field: string;
  component: string;
  repeat: string;
  escape: string;
  subcomponent: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One segment; fields numbered as in HL7 (for MSH, MSH-1 is the field separator itself). */
export class Hl7Segment {
  constructor(readonly name: string, private readonly fields: readonly string[], private readonly d: Hl7Delimiters, readonly raw: string) {}

  /** The raw (escaped) text of field `n`. */
  fieldText(n: number): string {
    if (this.name === 'MSH') {
      if (n === 1) return this.d.field;
      return this.fields[n - 1] ?? '';
    }
    return this.fields[n] ?? '';
  }

  /** Every repeat of field `n`, each its components (first subcomponent, unescaped). */
  repeats(n: number): string[][] {
    const text = this.fieldText(n);
    if (text === '' || (this.name === 'MSH' && n <= 2)) return text === '' ? [] : [[text]];
    return text.split(this.d.repeat).map((r) => r.split(this.d.component).map((c) => unescapeHl7(c.split(this.d.subcomponent)[0], this.d)));
  }

  component(n: number, c = 1): string {
    return this.repeats(n)[0]?.[c - 1] ?? '';
  }

  componentOfRepeats(n: number, c = 1): string[] {
    return this.repeats(n).map((r) => r[c - 1] ?? '').filter((v) => v !== '');
  }
}

export interface Hl7Message {
  delimiters: Hl7Delimiters;
  segments: Hl7Segment[];
  /** The first segment of that name, if any. */
  segment(name: string): Hl7Segment | undefined;
}

export class Hl7ParseError extends Error {}

/** Parses a message: segments end with CR (LF and CR LF tolerated); delimiters from MSH-1/MSH-2. */
export function parseHl7(text: string): Hl7Message {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim().length > 0);
  const msh = lines[0];
  if (!msh?.startsWith('MSH') || msh.length < 8) throw new Hl7ParseError('the message does not start with an MSH segment');
  const field = msh[3];
  const [component, repeat, escape, subcomponent] = [msh[4], msh[5], msh[6], msh[7]];
  const delimiters: Hl7Delimiters = { field, component, repeat, escape, subcomponent };
  if (new Set([field, component, repeat, escape, subcomponent]).size !== 5) throw new Hl7ParseError('MSH-1/MSH-2 do not define five distinct delimiters');
  const segments = lines.map((line) => new Hl7Segment(line.slice(0, 3), line.split(field), delimiters, line));
  return { delimiters, segments, segment: (name) => segments.find((s) => s.name === name) };
}

/** HL7 2.A.7: \F\ \S\ \T\ \R\ \E\ and \Xhh..\ ; other escapes (formatting) are kept as they are. */
export function unescapeHl7(text: string, d: Hl7Delimiters): string {
  if (!text.includes(d.escape)) return text;
  const e = escapeRegExp(d.escape);
  return text.replace(new RegExp(`${e}([FSTRE]|X[0-9A-Fa-f]+)${e}`, 'g'), (_whole, code: string) => {
    switch (code) {
      case 'F': return d.field;
      case 'S': return d.component;
      case 'T': return d.subcomponent;
      case 'R': return d.repeat;
      case 'E': return d.escape;
      default: return Buffer.from(code.slice(1), 'hex').toString('latin1');
    }
  });
}

export function escapeHl7(text: string, d: Hl7Delimiters): string {
  const codes: [string, string][] = [[d.escape, 'E'], [d.field, 'F'], [d.component, 'S'], [d.subcomponent, 'T'], [d.repeat, 'R']];
  let out = '';
  for (const ch of text) {
    const code = codes.find(([c]) => c === ch);
    out += code ? `${d.escape}${code[1]}${d.escape}` : ch;
  }
  return out;
}
