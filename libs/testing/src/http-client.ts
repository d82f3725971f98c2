export const GATEWAY_URL = process.env.LABFLOW_GATEWAY_URL ?? 'http://127.0.0.1:3000';

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send `body` as is (a string) instead of JSON-encoding it. */
  raw?: boolean;
}

/** One HTTP call to the gateway, as a client would make it. */
export async function call<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = headers['content-type'] ?? 'application/json';
    body = options.raw ? String(options.body) : JSON.stringify(options.body);
  }
  const res = await fetch(`${GATEWAY_URL}${path}`, { method, headers, body, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text.length ? JSON.parse(text) : null;
  } catch {
    // non-JSON bodies (docs page) stay text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** Polls `probe` until `accept` holds (eventual consistency across services), or fails with the last value. */
export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000, everyMs = 150): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (accept(last)) return last;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`condition not met within ${timeoutMs}ms; last value: ${JSON.stringify(last)}`);
}
