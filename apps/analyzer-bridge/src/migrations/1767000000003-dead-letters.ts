import { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA } from './1767000000000-initial';

/** An upload that kept failing (DELIVERY_MAX_ATTEMPTS) is dead-lettered: kept, with its message's raw bytes, for a replay. */
export class DeadLetters1767000000003 implements MigrationInterface {
  name = 'DeadLetters1767000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${SCHEMA}".uploads DROP CONSTRAINT uploads_status_check`);
    await q.query(`ALTER TABLE "${SCHEMA}".uploads ADD CONSTRAINT uploads_status_check CHECK (status IN ('pending', 'delivered', 'refused', 'dead'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE "${SCHEMA}".uploads SET status = 'refused' WHERE status = 'dead'`);
    await q.query(`ALTER TABLE "${SCHEMA}".uploads DROP CONSTRAINT uploads_status_check`);
    await q.query(`ALTER TABLE "${SCHEMA}".uploads ADD CONSTRAINT uploads_status_check CHECK (status IN ('pending', 'delivered', 'refused'))`);
  }
}
