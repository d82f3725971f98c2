/** E1394 6.6: the four delimiters, read from the H record (`H|\^&`: field, repeat, component, escape). */
export interface AstmDelimiters {
  field: string;
  repeat: string;
  component: string;
  escape: string;
}

export const DEFAULT_ASTM_DELIMITERS: AstmDelimiters = { field: '|', repeat: '\\', component: '^', escape: '&' };

/** Reads the delimiters from a header record's first five characters; null when it is no header. */
export function delimitersOfHeader(record: string): AstmDelimiters | null {
  if (record.length < 5 || record[0] !== 'H') return null;
  const [field, repeat, component, escape] = [record[1], record[2], record[3], record[4]];
  if (new Set([field, repeat, component, escape]).size !== 4) return null;
  return { field, repeat, component, escape };
}

/** E1394 6.6.5: `&F&` `&S&` `&R&` `&E&` stand for the delimiters in text; `&Xhh..&` for bytes (hex). */
export function unescapeAstm(text: string, d: AstmDelimiters): string {
  if (!text.includes(d.escape)) return text;
  const e = d.escape.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`${e}([FSRE]|X[0-9A-Fa-f]+)${e}`, 'g'), (_whole, code: string) => {
    switch (code) {
      case 'F': return d.field;
      case 'S': return d.component;
      case 'R': return d.repeat;
      case 'E': return d.escape;
      default: return Buffer.from(code.slice(1), 'hex').toString('latin1');
    }
  });
}

/** The reverse of `unescapeAstm`, for records the bridge sends (host query answers). */
export function escapeAstm(text: string, d: AstmDelimiters): string {
  let out = '';
  for (const ch of text) {
    if (ch === d.escape) out += `${d.escape}E${d.escape}`;
    else if (ch === d.field) out += `${d.escape}F${d.escape}`;
    else if (ch === d.component) out += `${d.escape}S${d.escape}`;
    else if (ch === d.repeat) out += `${d.escape}R${d.escape}`;
    else out += ch;
  }
  return out;
}
