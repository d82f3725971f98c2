import { RerunValuesBody } from '@labflow/contracts';
import { DeviceUpload } from '../results/device-upload';

/** How the gateway answered one upload: accepted, refused for good (a 4xx: its message), or to try again. */
export type DeliveryAnswer =
  | { kind: 'accepted'; status: number; body: unknown }
  | { kind: 'refused'; status: number; reason: string; code: string; message: string }
  | { kind: 'retry'; status: number | null; reason: string };

/** 503/504 (an owner unreachable or slow), 502, 408 and 429 are worth another try; so is a 500 (counted). */
const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

/** Reads a gateway error body (`{ statusCode, message, code }`). */
function errorOf(body: unknown): { message: string; code: string } {
  if (body && typeof body === 'object' && 'message' in body) {
    const message = (body as { message: unknown }).message;
    const code = (body as { code?: unknown }).code;
    return { message: Array.isArray(message) ? message.join('; ') : String(message), code: typeof code === 'string' ? code : '' };
  }
  return { message: typeof body === 'string' ? body.slice(0, 200) : '', code: '' };
}

const reasonOf = (status: number, error: { message: string; code: string }) =>
  `${status} ${error.message}${error.code ? ` (${error.code})` : ''}`.trim();

export function classifyAnswer(status: number, body: unknown): DeliveryAnswer {
  if (status >= 200 && status < 300) return { kind: 'accepted', status, body };
  const error = errorOf(body);
  if (RETRYABLE.has(status) || status >= 500) return { kind: 'retry', status, reason: reasonOf(status, error) };
  return { kind: 'refused', status, reason: reasonOf(status, error), ...error };
}

/**
 * Posts one upload to `POST /dataPartialFromDevice/` (seed 002 §2), the upload's id as its
 * Idempotency-Key: a retry after a lost answer (or a crash) is applied once by the gateway's owner.
 */
export function postUpload(gatewayUrl: string, upload: DeviceUpload & { deviceAuth: string }, idempotencyKey: string, timeoutMs: number): Promise<DeliveryAnswer> {
  return postJson(`${gatewayUrl.replace(/\/$/, '')}/dataPartialFromDevice/`, upload, { 'idempotency-key': idempotencyKey }, timeoutMs);
}

/**
 * Posts an instrument's rerun values to seed 000 §2 `POST /api-v3/sample-rerun/:labReportId/new`, a
 * bearer-token route (the lab's service token for the bridge); the Idempotency-Key makes a resend apply once.
 */
export function postRerunValues(
  gatewayUrl: string, labReportId: number, body: RerunValuesBody, token: string, idempotencyKey: string, timeoutMs: number,
): Promise<DeliveryAnswer> {
  return postJson(`${gatewayUrl.replace(/\/$/, '')}/api-v3/sample-rerun/${labReportId}/new`, body, {
    authorization: `Bearer ${token}`, 'idempotency-key': idempotencyKey,
  }, timeoutMs);
}

export async function postJson(url: string, payload: unknown, headers: Record<string, string>, timeoutMs: number): Promise<DeliveryAnswer> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // a proxy's HTML error page stays text
    }
    return classifyAnswer(res.status, body);
  } catch (error) {
    return { kind: 'retry', status: null, reason: `gateway unreachable: ${(error as Error).message}` };
  }
}
