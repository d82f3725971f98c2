import { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA } from './1732400000000-initial';

/**
 * Webhook endpoint controls: a rotated secret keeps the previous one (sealed) until its grace period
 * ends, so deliveries are signed with both meanwhile; an endpoint can be disabled (no deliveries).
 */
export class WebhookEndpointControls1767000000000 implements MigrationInterface {
  name = 'WebhookEndpointControls1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${SCHEMA}".webhook_endpoints
      ADD COLUMN previous_secret text,
      ADD COLUMN previous_secret_expires_at timestamptz,
      ADD COLUMN disabled_at timestamptz,
      ADD CONSTRAINT webhook_endpoints_previous_secret_expiry CHECK ((previous_secret IS NULL) = (previous_secret_expires_at IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${SCHEMA}".webhook_endpoints DROP CONSTRAINT webhook_endpoints_previous_secret_expiry,
      DROP COLUMN previous_secret, DROP COLUMN previous_secret_expires_at, DROP COLUMN disabled_at`);
  }
}
