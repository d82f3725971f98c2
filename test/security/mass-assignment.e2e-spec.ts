import { Admin, Kafka, logLevel } from 'kafkajs';
import { COMMAND_APPS, commandTopicOf } from '@labflow/contracts';
import { call, freshLabId, WebhookReceiver } from '@labflow/testing';
import { fillPath, gatewayRoutes, openApiDocument, OpenApiDocument, paramSlots, RouteOperation, routeName, SchemaObject } from './route-table';
import { changedKeys, LabSnapshots, Snapshot } from './support/lab-snapshot';
import { buildLabWorld, LabWorld } from './support/lab-world';
import { BODIES } from './support/route-bodies';
import { labIds, PATH_ID_SOURCES } from './support/tenancy-sources';

/**
 * Mass assignment (DESIGN §3), generated from the OpenAPI document: every write route gets a valid
 * body with one server-owned field added — at the top and in every closed nested object — and must
 * refuse it with 400 naming the field, before any command reaches a service (the command topics'
 * offsets do not move) and without a trace in the lab's stores. A field the route's own schema
 * declares is part of its contract (a rerun request's lab_id, a callout's status) and is not added;
 * a contract field that names a lab must name the caller's own.
 */
const OTHER_LAB = 7;
const SERVER_OWNED: Record<string, unknown> = {
  id: 1, _id: '65f000000000000000000001', created_by: 7, createdBy: 7, created_at: '2020-01-01T00:00:00.000Z', updated_at: '2020-01-01T00:00:00.000Z',
  labId: OTHER_LAB, lab_id: OTHER_LAB, lab: OTHER_LAB, client_id: 'someone-else', party_id: 'someone-else',
  status: 'completed', sampleRedrawFlag: 0, sample_redraw_flag: 0, criticalValues: 'none', critical_values: 'none',
  isSigned: 1, is_signed: 1, signed_by: 7, registered_by: 7, registeredBy: 7, revision: 99, sequence: 99,
  deviceAuth: '00000000-0000-4000-8000-000000000000', auth: 'x', auth_hash: 'x', secret: 'whsec_x', origin: 'redraw',
};
/** In nested objects: the fields most worth smuggling into a line of a request. */
const NESTED_OWNED = ['id', 'created_by', 'labId', 'lab_id', 'status', 'sampleRedrawFlag', 'criticalValues', 'deviceAuth'];
/** Contract fields that name a lab: they must name the caller's (a device's, on the analyzer route). */
const LAB_FIELDS = ['lab', 'labId', 'lab_id'];

function resolve(doc: OpenApiDocument, schema: SchemaObject | undefined): SchemaObject | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').pop() as string]);
  if (schema.allOf?.length === 1) return resolve(doc, schema.allOf[0]);
  return schema;
}

interface Injection {
  path: string;
  body: unknown;
}

/** The value with one undeclared field added to one closed object in it, for every such object and field (free-form maps stay open). */
function injections(doc: OpenApiDocument, body: unknown, schema: SchemaObject | undefined, path: string[] = []): Injection[] {
  const own = resolve(doc, schema);
  if (Array.isArray(body)) {
    // the items of one array share a schema: the first stands for all
    return body.length === 0 ? [] : injections(doc, body[0], own?.items, [...path, '0'])
      .map((inj) => ({ path: inj.path, body: [inj.body, ...body.slice(1)] }));
  }
  if (typeof body !== 'object' || body === null || !own?.properties) return [];
  const record = body as Record<string, unknown>;
  const declared = new Set(Object.keys(own.properties));
  const fields = path.length === 0 ? Object.keys(SERVER_OWNED) : NESTED_OWNED;
  const here = fields.filter((f) => !declared.has(f)).map((f) => ({ path: [...path, f].join('.'), body: { ...record, [f]: SERVER_OWNED[f] } }));
  const below = Object.entries(record).flatMap(([k, v]) => injections(doc, v, own.properties?.[k], [...path, k])
    .map((inj) => ({ path: inj.path, body: { ...record, [k]: inj.body } })));
  return [...here, ...below];
}

describe('mass assignment: server-owned fields in a write body are refused and never stored', () => {
  let doc: OpenApiDocument;
  let writes: RouteOperation[];
  let hooks: WebhookReceiver;
  let snapshots: LabSnapshots;
  let admin: Admin;
  let a: LabWorld;
  let before: Snapshot;
  let otherBefore: Snapshot;
  const otherLab = freshLabId();
  const counts = { routes: 0, injected: 0, nested: 0, refused: 0, contractFieldsSkipped: 0, labFieldsChecked: 0 };

  const urlOf = (route: RouteOperation) => {
    const values: Record<string, string | number> = {};
    for (const slot of paramSlots(route)) values[slot.slice(slot.indexOf('{') + 1, -1)] = PATH_ID_SOURCES[slot]?.of(labIds(a)) ?? 'unknown';
    return fillPath(route, values);
  };
  const commandOffsets = async () => {
    const prefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
    const perTopic = await Promise.all(COMMAND_APPS.map((app) => admin.fetchTopicOffsets(`${prefix}${commandTopicOf(app)}`)));
    return perTopic.flat().reduce((sum, p) => sum + Number(p.high), 0);
  };

  beforeAll(async () => {
    hooks = await WebhookReceiver.start();
    snapshots = await LabSnapshots.open();
    admin = new Kafka({ clientId: 'test-mass-assignment', brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    doc = await openApiDocument();
    writes = (await gatewayRoutes(doc)).filter((r) => r.bodySchema !== null);
    a = await buildLabWorld(freshLabId(), hooks);
    before = await snapshots.settled(a.labId);
    otherBefore = await snapshots.of(otherLab);
  });
  afterAll(async () => {
    console.log(`[mass-assignment] ${JSON.stringify(counts)}`);
    await admin.disconnect();
    await snapshots.close();
    await hooks.stop();
  });

  it('has a valid body for every write route of the document', () => {
    expect(writes.length).toBeGreaterThan(15);
    expect(writes.filter((r) => !BODIES[routeName(r)]).map((r) => `${routeName(r)}: add a valid ${r.bodySchema} to BODIES (test/security/support/route-bodies.ts)`)).toEqual([]);
  });

  it('refuses each added field with 400 "property <field> should not exist", before any service sees the request', async () => {
    const failures: string[] = [];
    const offsetsBefore = await commandOffsets();
    for (const route of writes.filter((r) => BODIES[routeName(r)])) {
      const url = urlOf(route);
      const base = BODIES[routeName(route)](labIds(a), labIds(a));
      const schema = doc.components.schemas[route.bodySchema as string];
      counts.contractFieldsSkipped += Object.keys(SERVER_OWNED).filter((f) => f in (schema.properties ?? {})).length;
      counts.routes++;
      const pending = injections(doc, base, schema);
      counts.injected += pending.length;
      counts.nested += pending.filter((inj) => inj.path.includes('.')).length;
      // a few at a time: the gateway refuses these itself, no service is involved
      while (pending.length > 0) {
        await Promise.all(pending.splice(0, 6).map(async (inj) => {
          const res = await call(route.method, url, { token: a.token, body: inj.body });
          if (res.status === 400 && res.body?.message === `property ${inj.path} should not exist`) counts.refused++;
          else failures.push(`${routeName(route)} with ${inj.path}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        }));
      }
    }
    expect(failures).toEqual([]);
    expect(await commandOffsets()).toBe(offsetsBefore);
  });

  it('refuses a contract field that names a lab (lab, labId, lab_id) when it names another lab', async () => {
    const accepted: string[] = [];
    for (const route of writes.filter((r) => BODIES[routeName(r)])) {
      const declared = Object.keys(doc.components.schemas[route.bodySchema as string].properties ?? {});
      for (const field of declared.filter((f) => LAB_FIELDS.includes(f))) {
        const body = { ...(BODIES[routeName(route)](labIds(a), labIds(a)) as Record<string, unknown>), [field]: otherLab };
        const res = await call(route.method, urlOf(route), { token: a.token, body });
        counts.labFieldsChecked++;
        if (res.status < 400) accepted.push(`${routeName(route)} with ${field} of another lab: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
    }
    expect(counts.labFieldsChecked).toBeGreaterThanOrEqual(4);
    expect(accepted).toEqual([]);
  });

  it('stored nothing of the refused requests, in the caller\'s lab or the one named', async () => {
    expect(changedKeys(before, await snapshots.settled(a.labId))).toEqual([]);
    expect(changedKeys(otherBefore, await snapshots.of(otherLab))).toEqual([]);
  });

  it('passes validation with each body as it was (so the refusals are about the added field)', async () => {
    const refused: string[] = [];
    for (const route of writes.filter((r) => BODIES[routeName(r)])) {
      const res = await call(route.method, urlOf(route), { token: a.token, body: BODIES[routeName(route)](labIds(a), labIds(a)) });
      if (res.status === 400 && res.body?.code === 'VALIDATION_FAILED') refused.push(`${routeName(route)}: ${res.body.message}`);
    }
    expect(refused).toEqual([]);
  });
});
