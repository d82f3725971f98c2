import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@labflow/platform/config';
import { createPostgres, migrate } from '@labflow/platform/persistence';
import { MIGRATIONS, SCHEMA } from '../migrations';
import { OrdersConfig } from '../orders.config';
import { WebhookSecretBox } from './webhook-secret-box';
import { WebhookSecretSealer } from './webhook-secret-sealer';
import { newWebhookSecret } from './webhook-signature';

/** Against the real PostgreSQL: secrets written in clear before encryption are sealed at start. */
describe('WebhookSecretSealer (PostgreSQL)', () => {
  const labId = 800_000_000 + Math.floor(Math.random() * 99_999_999);
  // the app's own key: any other clear secret of this database is sealed as the app would at its start
  const box = new WebhookSecretBox(loadConfig('orders', OrdersConfig).WEBHOOK_SECRET_KEY);
  let pg: DataSource;

  beforeAll(async () => {
    pg = createPostgres({ url: process.env.POSTGRES_URL!, schema: SCHEMA, entities: [], migrations: MIGRATIONS, poolSize: 2, applicationName: 'sealer-test' });
    await pg.initialize();
    await migrate(pg, SCHEMA);
  });
  afterAll(async () => {
    await pg.query(`DELETE FROM orders.webhook_endpoints WHERE lab_id = $1`, [labId]);
    await pg.destroy();
  });

  it('seals a clear endpoint secret and the stored reply that showed it, once, openable with the key', async () => {
    const id = randomUUID();
    const messageId = randomUUID();
    const secret = newWebhookSecret();
    await pg.query(`INSERT INTO orders.webhook_endpoints (id, lab_id, client_id, url, event_types, secret)
      VALUES ($1, $2, 'client-a', 'https://hooks.example-lims.test/h', '{labtest.order.created}', $3)`, [id, labId, secret]);
    await pg.query(`INSERT INTO orders.inbox (consumer, message_id, response) VALUES ('webhook_endpoint.register', $1, $2)`,
      [messageId, JSON.stringify({ id, url: 'https://hooks.example-lims.test/h', secret })]);

    const sut = new WebhookSecretSealer(pg, box);
    await sut.onApplicationBootstrap();

    const [row] = await pg.query(`SELECT secret FROM orders.webhook_endpoints WHERE id = $1`, [id]);
    expect(row.secret).toMatch(/^enc1:/);
    expect(box.open(row.secret, id)).toBe(secret);
    const [reply] = await pg.query(`SELECT response FROM orders.inbox WHERE message_id = $1`, [messageId]);
    expect(reply.response.secret).toMatch(/^enc1:/);
    expect(box.open(reply.response.secret, id)).toBe(secret);

    await sut.onApplicationBootstrap(); // nothing left in clear: a second start changes nothing
    const [after] = await pg.query(`SELECT secret FROM orders.webhook_endpoints WHERE id = $1`, [id]);
    expect(after.secret).toBe(row.secret);
    await pg.query(`DELETE FROM orders.inbox WHERE message_id = $1`, [messageId]);
  });
});
