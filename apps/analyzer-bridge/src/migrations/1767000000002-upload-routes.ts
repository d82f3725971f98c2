import { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA } from './1767000000000-initial';

/** Where an upload goes, decided once (a rerun's values to `/new`, the rest as a first fill) and kept, so a retry sends the same. */
export class UploadRoutes1767000000002 implements MigrationInterface {
  name = 'UploadRoutes1767000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${SCHEMA}".uploads ADD COLUMN route jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${SCHEMA}".uploads DROP COLUMN route`);
  }
}
