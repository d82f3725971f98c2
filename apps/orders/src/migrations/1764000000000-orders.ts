import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'orders';

/** seed 004: orders, order transactions, results, and the outbound webhook outbox. */
export class Orders1764000000000 implements MigrationInterface {
  name = 'Orders1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}".order_transactions (
      id uuid PRIMARY KEY,
      lab_id int NOT NULL,
      client_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    await q.query(`CREATE TABLE "${S}".orders (
      id uuid PRIMARY KEY,
      lab_id int NOT NULL,
      client_id text NOT NULL,
      transaction_id uuid NOT NULL REFERENCES "${S}".order_transactions (id),
      origin text NOT NULL CHECK (origin IN ('initial', 'redraw')),
      parent_id uuid REFERENCES "${S}".orders (id),
      performing_lab text NOT NULL,
      walk_in boolean NOT NULL,
      client_user_id text,
      patient jsonb NOT NULL,
      biomarkers text[] NOT NULL,
      status text NOT NULL,
      sequence int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    await q.query(`CREATE INDEX orders_owner_idx ON "${S}".orders (lab_id, client_id)`);
    await q.query(`CREATE INDEX orders_transaction_idx ON "${S}".orders (transaction_id, created_at)`);
    // seed 004: one initial order and at most one redraw order per transaction, enforced by the store too.
    await q.query(`CREATE UNIQUE INDEX orders_one_initial_idx ON "${S}".orders (transaction_id) WHERE origin = 'initial'`);
    await q.query(`CREATE UNIQUE INDEX orders_one_redraw_idx ON "${S}".orders (transaction_id) WHERE origin = 'redraw'`);
    await q.query(`CREATE TABLE "${S}".order_status_events (
      id bigserial PRIMARY KEY,
      order_id uuid NOT NULL REFERENCES "${S}".orders (id),
      status text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    await q.query(`CREATE INDEX order_status_events_order_idx ON "${S}".order_status_events (order_id, id)`);
    await q.query(`CREATE TABLE "${S}".order_results (
      order_id uuid NOT NULL REFERENCES "${S}".orders (id),
      biomarker text NOT NULL,
      result text,
      unit text,
      missing_reason text,
      reported_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      PRIMARY KEY (order_id, biomarker),
      CHECK ((result IS NULL) <> (missing_reason IS NULL))
    )`);
    await q.query(`CREATE TABLE "${S}".webhook_endpoints (
      id uuid PRIMARY KEY,
      lab_id int NOT NULL,
      client_id text NOT NULL,
      url text NOT NULL,
      event_types text[] NOT NULL,
      secret text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    await q.query(`CREATE INDEX webhook_endpoints_owner_idx ON "${S}".webhook_endpoints (lab_id, client_id)`);
    await q.query(`CREATE TABLE "${S}".webhook_deliveries (
      id uuid PRIMARY KEY,
      message_id text NOT NULL UNIQUE,
      endpoint_id uuid NOT NULL REFERENCES "${S}".webhook_endpoints (id),
      lab_id int NOT NULL,
      client_id text NOT NULL,
      event_type text NOT NULL,
      order_id uuid NOT NULL,
      sequence int NOT NULL,
      body text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'exhausted')),
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      lease_until timestamptz,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      finished_at timestamptz
    )`);
    await q.query(`CREATE INDEX webhook_deliveries_due_idx ON "${S}".webhook_deliveries (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX webhook_deliveries_endpoint_idx ON "${S}".webhook_deliveries (endpoint_id, created_at)`);
    await q.query(`CREATE TABLE "${S}".webhook_attempts (
      id bigserial PRIMARY KEY,
      delivery_id uuid NOT NULL REFERENCES "${S}".webhook_deliveries (id),
      attempt int NOT NULL,
      status_code int,
      error text,
      duration_ms int NOT NULL,
      attempted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      UNIQUE (delivery_id, attempt)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}".webhook_attempts, "${S}".webhook_deliveries, "${S}".webhook_endpoints,
      "${S}".order_results, "${S}".order_status_events, "${S}".orders, "${S}".order_transactions`);
  }
}
