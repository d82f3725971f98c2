import { MigrationInterface, QueryRunner } from 'typeorm';
import { platformTablesSql } from '@labflow/platform/kafka';

export const SCHEMA = 'fhir';

export class Initial1732400000000 implements MigrationInterface {
  name = 'Initial1732400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of platformTablesSql(SCHEMA)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${SCHEMA}".outbox, "${SCHEMA}".inbox`);
  }
}
