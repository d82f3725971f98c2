import { HttpResult } from '@labflow/testing';

/** The header a write answers with and a client may send back (docs/architecture.md, read your writes). */
export const TOKEN_HEADER = 'x-consistency-token';

/** The consistency token of a write's response (fails the test when a 2xx write that wrote events has none). */
export function tokenOf(res: HttpResult): string {
  const token = res.headers.get(TOKEN_HEADER);
  if (!token) throw new Error(`no ${TOKEN_HEADER} on ${res.status} ${JSON.stringify(res.body)}`);
  return token;
}

/** Counts wrong answers of a write-then-read loop instead of stopping at the first: the measure. */
export class StaleCounter {
  readonly wrong: string[] = [];
  stale = 0;

  check(what: string, res: HttpResult, ok: boolean): void {
    if (res.headers.get('x-consistency') === 'stale') this.stale++;
    if (!ok) this.wrong.push(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  }
}
