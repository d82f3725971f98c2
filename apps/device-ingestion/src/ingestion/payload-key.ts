import { createHash } from 'node:crypto';

/** Stable JSON: object keys sorted, so the same payload always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The idempotency key of an analyzer payload: the same payload from the same device has one effect. */
export function payloadKey(deviceId: number, payload: object): string {
  return createHash('sha256').update(`${deviceId}:${canonical(payload)}`).digest('hex');
}
