/** A minimal JSON client for the gateway (the bench runs from dist/, without the test library). */
export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function send<T = unknown>(url: string, method: string, token?: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...extraHeaders };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
