import { randomUUID } from 'node:crypto';
import { call, freshLabId, HttpResult, tokenFor, WebhookReceiver } from '@labflow/testing';
import { fillPath, gatewayRoutes, paramSlots, RouteOperation, routeName } from './route-table';
import { changedKeys, LabSnapshots, Snapshot } from './support/lab-snapshot';
import { buildLabWorld, LabWorld } from './support/lab-world';
import { BODIES, LabIds } from './support/route-bodies';
import { BODY_ID_CASES, ghostIds, labIds, PATH_ID_SOURCES, QUERY_ID_SOURCES, QUERY_VALUES } from './support/tenancy-sources';

/**
 * The tenancy matrix (DESIGN §3), generated from the gateway's route table: for every route that
 * names a record, a token of another tenant gets exactly the answer an id nobody has gets — a 404 —
 * and nothing of the first lab changes (its stores and its reads are compared before and after).
 * A route whose id has no known source fails the first test, so a new route gets one.
 */
interface Caller {
  token: string;
  ids: LabIds;
}

const ID_QUERY = /ids?$/i;
const takesId = (r: RouteOperation) => r.params.length > 0 || r.query.some((q) => ID_QUERY.test(q.name));
/** seed 004: orders, transactions and webhook endpoints belong to the calling client; the partner lab's routes act for the lab. */
const clientOwned = (r: RouteOperation) => r.path.startsWith('/v3/') && !r.path.startsWith('/v3/lab/');

/** Why the matrix cannot build a request for the route (a new route, a new id): empty when it can. */
function missingSources(route: RouteOperation): string[] {
  const missing: string[] = [];
  for (const slot of paramSlots(route)) {
    if (!PATH_ID_SOURCES[slot]) missing.push(`${routeName(route)}: no id source for "${slot}" — add how to get a real id of lab A to PATH_ID_SOURCES (test/security/support/tenancy-sources.ts)`);
  }
  for (const q of route.query) {
    if (ID_QUERY.test(q.name) && !QUERY_ID_SOURCES[q.name]) missing.push(`${routeName(route)}: no id source for query parameter ${q.name} — add it to QUERY_ID_SOURCES`);
    else if (q.required && !QUERY_ID_SOURCES[q.name] && !QUERY_VALUES[q.name]) missing.push(`${routeName(route)}: no value for required query parameter ${q.name} — add it to QUERY_VALUES`);
  }
  if (route.bodySchema && !BODIES[routeName(route)]) missing.push(`${routeName(route)}: no valid ${route.bodySchema} — add one to BODIES`);
  return missing;
}

function requestOf(route: RouteOperation, caller: Caller, target: LabIds): { url: string; body: unknown } {
  const values: Record<string, string | number> = {};
  for (const slot of paramSlots(route)) values[slot.slice(slot.indexOf('{') + 1, -1)] = PATH_ID_SOURCES[slot].of(target);
  const query = route.query
    .filter((q) => q.required || QUERY_ID_SOURCES[q.name])
    .map((q) => `${q.name}=${encodeURIComponent(String(QUERY_ID_SOURCES[q.name]?.(target) ?? QUERY_VALUES[q.name]()))}`);
  const url = fillPath(route, values) + (query.length > 0 ? `?${query.join('&')}` : '');
  return { url, body: route.bodySchema ? BODIES[routeName(route)](caller.ids, target) : undefined };
}

function send(route: RouteOperation, caller: Caller, target: LabIds): Promise<HttpResult> {
  const { url, body } = requestOf(route, caller, target);
  return call(route.method, url, { token: caller.token, body });
}

/** An answer without the ids it echoes (`Test 5 not found` and `Test 2032190232 not found` are the same answer). */
const withoutIds = (text: string) => text
  .replace(/"requestId":"[^"]*"/g, '')
  .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
  .replace(/ghost-[0-9a-f]{8}/g, '<key>')
  .replace(/\d+/g, '<n>');
const answer = (r: HttpResult) => `${r.status} ${withoutIds(`${r.body?.code ?? ''} ${r.body?.message ?? ''}`)}`.trim();
const sameAnswer = (x: HttpResult, y: HttpResult) => answer(x) === answer(y)
  && (x.status >= 300 || withoutIds(JSON.stringify(x.body)) === withoutIds(JSON.stringify(y.body)));
/** seed 001's bulk reads filter by a list of ids: unknown ids just match nothing. */
const filtersByIds = (r: RouteOperation) => r.params.length === 0 && r.query.every((q) => !ID_QUERY.test(q.name) || /ids$/i.test(q.name));

describe('tenancy matrix: another tenant\'s id is a 404 and changes nothing', () => {
  let routes: RouteOperation[];
  let hooks: WebhookReceiver;
  let snapshots: LabSnapshots;
  let a: LabWorld;
  let b: LabWorld;
  let storesBefore: Snapshot;
  let readsBefore: Record<string, string>;
  const checked: Record<string, number> = { otherLab: 0, otherClient: 0, bodyIds: 0, lists: 0 };

  /** Lab A's own reads: every GET route that names a record, with lab A's ids and token. */
  async function readsOfA(): Promise<Record<string, string>> {
    const reads: Record<string, string> = {};
    for (const route of routes.filter((r) => r.method === 'GET' && takesId(r) && missingSources(r).length === 0)) {
      const res = await send(route, { token: a.token, ids: labIds(a) }, labIds(a));
      reads[routeName(route)] = `${res.status} ${JSON.stringify(res.body)}`;
    }
    return reads;
  }

  /** Compares another tenant's answer for lab A's ids with its answer for ids nobody has. */
  async function compare(route: RouteOperation, caller: Caller, failures: string[]): Promise<void> {
    const kinds = paramSlots(route).map((slot) => PATH_ID_SOURCES[slot].kind);
    const foreign = await send(route, caller, labIds(a));
    const ghost = await send(route, caller, ghostIds(labIds(a)));
    const name = routeName(route);
    if (kinds.includes('caller-key')) {
      // an upsert under the caller's own lab: it succeeds as for any new key (lab A's record is compared at the end)
      if (foreign.status !== ghost.status || foreign.status >= 300) failures.push(`${name}: ${answer(foreign)} for lab A's key, ${answer(ghost)} for a new key`);
      return;
    }
    if (filtersByIds(route)) {
      if (!sameAnswer(foreign, ghost)) failures.push(`${name}: lab A's ids answered ${answer(foreign)} ${JSON.stringify(foreign.body).slice(0, 300)}, unknown ids ${answer(ghost)}`);
      return;
    }
    if (ghost.status !== 404) failures.push(`${name}: an id nobody has answered ${answer(ghost)}, not 404 (does the tenant's token or body reach the lookup?)`);
    if (foreign.status !== 404 || answer(foreign) !== answer(ghost)) {
      failures.push(`${name}: lab A's id answered ${answer(foreign)} ${foreign.status < 300 ? JSON.stringify(foreign.body).slice(0, 300) : ''}, an unknown id ${answer(ghost)}`);
    }
  }

  beforeAll(async () => {
    hooks = await WebhookReceiver.start();
    snapshots = await LabSnapshots.open();
    routes = await gatewayRoutes();
    const labA = freshLabId();
    a = await buildLabWorld(labA, hooks);
    b = await buildLabWorld(labA + 1, hooks);
    storesBefore = await snapshots.settled(a.labId);
    readsBefore = await readsOfA();
  });
  afterAll(async () => {
    console.log(`[tenancy] ${JSON.stringify({ routes: routes.length, ...checked })}`);
    await snapshots.close();
    await hooks.stop();
  });

  it('knows where every id a route takes comes from (a new route must add its id source here)', () => {
    expect(routes.filter(takesId).flatMap(missingSources)).toEqual([]);
  });

  it('another lab gets the 404 of an id nobody has, on every route that names a record', async () => {
    const failures: string[] = [];
    const matrix = routes.filter((r) => r.secured && takesId(r));
    expect(matrix.length).toBeGreaterThan(20);
    for (const route of matrix) {
      if (missingSources(route).length > 0) {
        failures.push(...missingSources(route));
        continue;
      }
      await compare(route, { token: b.token, ids: labIds(b) }, failures);
      checked.otherLab++;
    }
    expect(failures).toEqual([]);
  });

  it('another client application of lab A gets 404 on the orders, transactions and webhook endpoints of the first', async () => {
    const failures: string[] = [];
    const otherClient = await tokenFor({ ...a.claims, client_id: `client-${randomUUID()}` });
    for (const route of routes.filter((r) => r.secured && takesId(r) && clientOwned(r))) {
      if (missingSources(route).length > 0) {
        failures.push(...missingSources(route));
        continue;
      }
      await compare(route, { token: otherClient, ids: labIds(a) }, failures);
      checked.otherClient++;
    }
    expect(checked.otherClient).toBeGreaterThan(3);
    expect(failures).toEqual([]);
  });

  it('an id of lab A inside another lab\'s request body is treated as unknown', async () => {
    const failures: string[] = [];
    for (const c of BODY_ID_CASES) {
      const as = (target: LabIds) => call(c.method, c.path(labIds(b)), { token: b.token, body: c.body(labIds(b), target) });
      const foreign = await as(labIds(a));
      const ghost = await as(ghostIds(labIds(a)));
      if (!sameAnswer(foreign, ghost)) failures.push(`${c.name}: lab A's id answered ${answer(foreign)} ${JSON.stringify(foreign.body).slice(0, 300)}, an unknown id ${answer(ghost)}`);
      checked.bodyIds++;
    }
    expect(failures).toEqual([]);
  });

  it('lists another lab reads show none of lab A\'s records', async () => {
    const secrets = [a.patientId, a.specimenId, a.jobId, a.orderId, a.transactionId, a.endpointId, a.partyId, a.clientId, String(a.labId)];
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.secured && r.method === 'GET' && !takesId(r))) {
      const query = route.query.filter((q) => q.required && QUERY_VALUES[q.name]).map((q) => `${q.name}=${encodeURIComponent(QUERY_VALUES[q.name]())}`);
      const res = await call('GET', route.path + (query.length ? `?${query.join('&')}` : ''), { token: b.token });
      const leaked = secrets.filter((s) => JSON.stringify(res.body).includes(s));
      if (leaked.length > 0) failures.push(`${routeName(route)} shows lab A's ${leaked.join(', ')}`);
      checked.lists++;
    }
    expect(failures).toEqual([]);
  });

  it('left every store and every read of lab A as it was', async () => {
    const after = await snapshots.settled(a.labId);
    const changed = changedKeys(storesBefore, after);
    for (const key of changed) console.log(`[tenancy] ${key} changed:\n before ${JSON.stringify(storesBefore[key]).slice(0, 1500)}\n after  ${JSON.stringify(after[key]).slice(0, 1500)}`);
    expect(changed).toEqual([]);
    const reads = await readsOfA();
    const differing = Object.keys(readsBefore).filter((k) => reads[k] !== readsBefore[k]).map((k) => `${k}:\n before ${readsBefore[k].slice(0, 600)}\n after  ${reads[k].slice(0, 600)}`);
    expect(differing).toEqual([]);
    expect(Object.values(readsBefore).every((r) => r.startsWith('200 '))).toBe(true);
  });

  // After the comparison above: these write lab A's own records.
  it('an Idempotency-Key another tenant also used is a request of its own, never the other\'s reply', async () => {
    const key = `order-${randomUUID()}`;
    const order = (token: string) => call('POST', '/v3/order', { token, headers: { 'idempotency-key': key }, body: BODIES['POST /v3/order'](labIds(a), labIds(a)) });
    const first = await order(a.token);
    expect(first.status).toBe(200);
    expect((await order(a.token)).body.order_id).toBe(first.body.order_id); // a retry of the same caller
    const sameUserOtherClient = await order(await tokenFor({ ...a.claims, client_id: `client-${randomUUID()}` }));
    const otherLab = await order(await tokenFor({ ...b.claims, sub: a.claims.sub }));
    for (const res of [sameUserOtherClient, otherLab]) {
      expect(res.status).toBe(200);
      expect(res.body.order_id).not.toBe(first.body.order_id);
    }

    // two analyzers of two labs that pick the same key at the same moment
    const deviceKey = `result-${randomUUID()}`;
    const payload = (w: LabWorld) => ({ labId: w.labId, sampleId: w.sampleId, deviceAuth: w.deviceAuth, test_flags: [], data: { values: [{ testName: 'HGB', value: 12.5 }] } });
    const [ofA, ofB] = await Promise.all([a, b].map((w) => call('POST', '/dataPartialFromDevice/', { headers: { 'idempotency-key': deviceKey }, body: payload(w) })));
    expect([ofA.status, ofA.body.sampleId, ofB.status, ofB.body.sampleId]).toEqual([200, a.sampleId, 200, b.sampleId]);
  });

  it('a retry with the same Idempotency-Key while the first request is in flight gets the same answer, at once', async () => {
    const key = `retry-${randomUUID()}`;
    const started = Date.now();
    const [first, retry] = await Promise.all([0, 1].map(() => call('POST', '/v3/order', {
      token: a.token, headers: { 'idempotency-key': key }, body: BODIES['POST /v3/order'](labIds(a), labIds(a)),
    })));
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(retry.body.order_id).toBe(first.body.order_id);
    expect(Date.now() - started).toBeLessThan(5000); // not the gateway's command timeout
  });
});
