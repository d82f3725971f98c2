import { gatewayApi, GatewayApi } from '../api-client';

/** The demo's HTTP client: every call goes through the gateway, as the LIMS UI and analyzers do. */
export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers of many routes, read field by field
}

export class Gateway {
  constructor(readonly url: string) {}

  /** The typed client (generated from the OpenAPI document) as the holder of `token`. */
  api(token?: string): GatewayApi {
    return gatewayApi(this.url, token);
  }

  async call(method: string, path: string, token?: string, body?: unknown): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.url}${path}`, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  /** A call whose answer must have `status`; anything else stops the demo with the answer. */
  async expect(status: number, method: string, path: string, token?: string, body?: unknown): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const res = await this.call(method, path, token, body);
    if (res.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /**
   * Retries while `pending` holds: events travel between apps (a registration reaches
   * device-ingestion, specimen and critical-callout a moment after the 201), so a first 404 is normal.
   */
  async until(pending: (r: Reply) => boolean, method: string, path: string, token?: string, body?: unknown, timeoutMs = 30_000): Promise<Reply> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await this.call(method, path, token, body);
      if (!pending(res) || Date.now() > deadline) return res;
      await sleep(200);
    }
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
