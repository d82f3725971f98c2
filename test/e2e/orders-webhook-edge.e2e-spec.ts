import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { call, eventually, freshLabId } from '@labflow/testing';
import { orderTokens, placeOrder } from './support/orders.fixtures';

/**
 * Webhook registration at the edge: a URL that would reach the platform's own network is refused
 * (the suites allow loopback and http for their receivers, never the cloud metadata service), and
 * the signing secret is stored sealed, in the endpoint row and in the stored reply of the request.
 */
describe('orders: webhook URLs refused and secrets sealed at rest', () => {
  const labId = freshLabId();
  let token: string;
  let pg: Client;

  beforeAll(async () => {
    token = (await orderTokens(labId)).client;
    pg = new Client({ connectionString: process.env.POSTGRES_URL });
    await pg.connect();
  });
  afterAll(() => pg.end());

  const register = (url: string, headers: Record<string, string> = {}) =>
    call('POST', '/v3/webhooks', { token, headers, body: { url, event_types: ['labtest.order.created'] } });

  it('refuses the cloud metadata address and a host that does not resolve, storing nothing', async () => {
    const metadata = await register('http://169.254.169.254/latest/meta-data/');
    expect(metadata.status).toBe(422);
    expect(metadata.body).toMatchObject({
      code: 'WEBHOOK_URL_REFUSED', message: 'url must not point at a cloud metadata address (169.254.169.254 is 169.254.169.254)',
    });
    const nowhere = await register('https://nowhere.invalid/hooks');
    expect(nowhere.status).toBe(422);
    expect(nowhere.body.message).toBe('url host nowhere.invalid could not be resolved');
    const { rows } = await pg.query('SELECT count(*)::int AS n FROM orders.webhook_endpoints WHERE lab_id = $1', [labId]);
    expect(rows[0].n).toBe(0);
  });

  it('shows the secret once in clear and stores it sealed; a repeated request answers the same secret', async () => {
    const key = randomUUID();
    const first = await register('http://127.0.0.1:9/hooks', { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(first.body.secret).toMatch(/^whsec_/);
    const { rows } = await pg.query('SELECT secret FROM orders.webhook_endpoints WHERE id = $1', [first.body.id]);
    expect(rows[0].secret).toMatch(/^enc1:/);
    const { rows: replies } = await pg.query(
      `SELECT response::text AS r FROM orders.inbox WHERE consumer = 'webhook_endpoint.register' AND response->>'id' = $1`, [first.body.id],
    );
    expect(replies).toHaveLength(1);
    expect(replies[0].r).not.toContain(first.body.secret);

    const again = await register('http://127.0.0.1:9/hooks', { 'idempotency-key': key });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
  });

  it('checks the URL again before each delivery attempt; a refused address ends the delivery at once, no retries', async () => {
    const endpoint = await register('http://127.0.0.1:9/recheck');
    expect(endpoint.status).toBe(201);
    // What a name resolves to can change after registration (DNS rebinding); the store is written
    // here only to stand for that change, which the test cannot make in DNS (the resolver-level case
    // is webhook-sender.integration-spec.ts).
    await pg.query('UPDATE orders.webhook_endpoints SET url = $2 WHERE id = $1', [endpoint.body.id, 'http://169.254.169.254/latest/meta-data/']);
    await placeOrder(token);
    type Delivery = { status: string; attempts: { error: string | null; status_code: number | null }[] };
    const deliveries = await eventually(
      async () => (await call('GET', `/v3/webhooks/${endpoint.body.id}/deliveries`, { token })).body.data as Delivery[],
      (d) => d[0]?.status === 'exhausted',
    );
    expect(deliveries[0].attempts).toEqual([expect.objectContaining({
      status_code: null, error: 'refused: url must not point at a cloud metadata address (169.254.169.254 is 169.254.169.254)',
    })]);
    await new Promise((r) => setTimeout(r, 1000)); // longer than the test schedule's retries
    const later = (await call('GET', `/v3/webhooks/${endpoint.body.id}/deliveries`, { token })).body.data as Delivery[];
    expect(later[0].attempts).toHaveLength(1);
  });
});
