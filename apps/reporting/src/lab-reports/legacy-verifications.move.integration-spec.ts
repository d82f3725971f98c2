import mongoose, { Connection } from 'mongoose';
import { DataSource } from 'typeorm';
import { createPostgres, migrate } from '@labflow/platform/persistence';
import { MIGRATIONS, SCHEMA } from '../migrations';
import { LegacyVerificationsMove } from './legacy-verifications.move';
import { StoredDecision, VerificationStatusRepository } from './verification-status.repository';

/**
 * Against the real stores: statuses kept in the document store before are moved beside the reports,
 * never over a newer one, and the old collection is dropped once everything is moved.
 */
describe('LegacyVerificationsMove (document store + PostgreSQL)', () => {
  const labId = 600_000_000 + Math.floor(Math.random() * 99_999_999);
  const report = 500_000_000 + Math.floor(Math.random() * 99_999_999);
  let mongo: Connection;
  let pg: DataSource;
  const decision = (decisionId: string, decidedAt: string): StoredDecision => ({
    decidedStatus: 'held', reasons: ['delta_check'], ruleSetVersion: 2, heldParameters: [4], decisionId, decidedAt,
  });

  beforeAll(async () => {
    // A database of its own: the move drops the old collection when done.
    mongo = await mongoose.createConnection(`${process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/labflow'}_vmove`, { retryWrites: false }).asPromise();
    pg = createPostgres({ url: process.env.POSTGRES_URL!, schema: SCHEMA, entities: [], migrations: MIGRATIONS, poolSize: 2, applicationName: 'verification-move-test' });
    await pg.initialize();
    await migrate(pg, SCHEMA);
  });
  afterAll(async () => {
    await pg.query(`DELETE FROM "${SCHEMA}".report_verifications WHERE lab_id = $1`, [labId]);
    await mongo.dropDatabase();
    await Promise.all([mongo.close(), pg.destroy()]);
  });

  it('moves each status (decision and review), keeps a newer one, and drops the old collection', async () => {
    const statuses = new VerificationStatusRepository(pg);
    // written by an event after the upgrade, newer than what the document store holds for that report
    await statuses.saveDecision(labId, report + 1, decision('d-new', '2026-06-01T10:00:00.000Z'));
    await mongo.collection('report_verifications').insertMany([
      { _id: String(report), labId, labReportId: report, decision: decision('d-1', '2026-05-25T10:00:00.000Z'),
        review: { decisionId: 'd-1', action: 'released', by: '7', comment: 'ok', at: '2026-05-25T11:00:00.000Z' } },
      { _id: String(report + 1), labId, labReportId: report + 1, decision: decision('d-old', '2026-05-20T10:00:00.000Z') },
      { _id: String(report + 2), labId, labReportId: report + 2, review: { decisionId: 'd-x', action: 'rejected', by: '7', comment: '', at: '2026-05-25T11:00:00.000Z' } },
    ] as never[]);

    const move = new LegacyVerificationsMove(mongo, pg);
    expect(await move.move()).toBe(3);

    const blocks = await statuses.blocks(labId, [report, report + 1, report + 2]);
    expect(blocks.get(report)).toMatchObject({ status: 'released', decisionId: 'd-1', review: { by: '7', comment: 'ok' } });
    expect(blocks.get(report + 1)).toMatchObject({ decisionId: 'd-new' });
    expect(blocks.has(report + 2)).toBe(false); // a review without its decision is kept, not shown
    expect(await pg.query(`SELECT review_action FROM "${SCHEMA}".report_verifications WHERE lab_report_id = $1`, [report + 2])).toEqual([{ review_action: 'rejected' }]);
    expect(await mongo.db!.listCollections({ name: 'report_verifications' }).toArray()).toEqual([]);
    expect(await move.move()).toBe(0); // the next start has nothing to move
  });
});
