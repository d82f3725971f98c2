/** A parsed profile locator: `3.4` (ASTM field 3, component 4) or `OBX-3.1` (HL7 segment, field, component). */
export interface Locator {
  segment: string;
  field: number;
  component: number;
}

export function parseLocator(text: string): Locator {
  const match = /^(?:([A-Z][A-Z0-9]{2})-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`not a locator: ${text}`);
  return { segment: match[1] ?? '', field: Number(match[2]), component: Number(match[3] ?? 1) };
}
