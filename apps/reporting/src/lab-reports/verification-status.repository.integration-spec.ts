import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createPostgres, migrate } from '@labflow/platform/persistence';
import { MIGRATIONS, SCHEMA } from '../migrations';
import { ReportWithTestRepository } from './report-with-test.repository';
import { StoredDecision, VerificationStatusRepository } from './verification-status.repository';

/**
 * Against the real PostgreSQL: the newest decision and review are kept, a lab sees only its own, a row
 * that breaks the table's rules is refused whole, and the report read joins the status.
 */
describe('VerificationStatusRepository (PostgreSQL)', () => {
  const labId = 900_000_000 + Math.floor(Math.random() * 99_999_999);
  const report = 700_000_000 + Math.floor(Math.random() * 99_999_999);
  const S = `"${SCHEMA}"`;
  let pg: DataSource;
  let statuses: VerificationStatusRepository;
  const decision = (decisionId: string, decidedAt: string): StoredDecision => ({
    decidedStatus: 'held', reasons: ['delta_check'], ruleSetVersion: 2, heldParameters: [4], decisionId, decidedAt,
  });

  beforeAll(async () => {
    pg = createPostgres({ url: process.env.POSTGRES_URL!, schema: SCHEMA, entities: [], migrations: MIGRATIONS, poolSize: 2, applicationName: 'verification-status-test' });
    await pg.initialize();
    await migrate(pg, SCHEMA);
    statuses = new VerificationStatusRepository(pg);
  });
  afterAll(async () => {
    await pg.query(`DELETE FROM ${S}.report_verifications WHERE lab_id IN ($1, $2)`, [labId, labId + 1]);
    await pg.destroy();
  });

  it('keeps the newest decision and the review of it; a late decision changes nothing', async () => {
    await statuses.saveDecision(labId, report, decision('d-2', '2026-05-25T10:00:00.000Z'));
    await statuses.saveDecision(labId, report, decision('d-1', '2026-05-25T09:00:00.000Z'));
    await statuses.saveReview(labId, report, { decisionId: 'd-2', action: 'released', by: '7', comment: '', at: '2026-05-25T11:00:00.000Z' });
    await statuses.saveReview(labId, report, { decisionId: 'd-2', action: 'rejected', by: '8', comment: 'late', at: '2026-05-25T10:30:00.000Z' });
    const blocks = await statuses.blocks(labId, [report, report + 1]);
    expect([...blocks.keys()]).toEqual([report]);
    expect(blocks.get(report)).toEqual({
      status: 'released', decidedStatus: 'held', reasons: ['delta_check'], ruleSetVersion: 2, heldParameters: [4], decisionId: 'd-2',
      decidedAt: '2026-05-25T10:00:00.000Z', review: { action: 'released', by: '7', comment: '', at: '2026-05-25T11:00:00.000Z' },
    });
  });

  it('compares times as instants, not as text (an offset is not a later time)', async () => {
    const r = report + 3;
    await statuses.saveDecision(labId, r, decision('d-5', '2026-05-25T12:00:00.000+02:00')); // 10:00Z
    await statuses.saveDecision(labId, r, decision('d-4', '2026-05-25T09:00:00.000Z'));
    expect((await statuses.blocks(labId, [r])).get(r)).toMatchObject({ decisionId: 'd-5', decidedAt: '2026-05-25T10:00:00.000Z' });
  });

  it('a review that arrives before its decision is kept, and the report shows nothing until the decision', async () => {
    const r = report + 4;
    await statuses.saveReview(labId, r, { decisionId: 'd-7', action: 'rejected', by: '7', comment: 'hemolysed', at: '2026-05-25T11:00:00.000Z' });
    expect(await statuses.blocks(labId, [r])).toEqual(new Map());
    await statuses.saveDecision(labId, r, decision('d-7', '2026-05-25T10:00:00.000Z'));
    expect((await statuses.blocks(labId, [r])).get(r)).toMatchObject({ status: 'rejected', review: { comment: 'hemolysed' } });
  });

  it('another lab sees nothing and cannot overwrite', async () => {
    await statuses.saveDecision(labId + 1, report, decision('d-9', '2026-05-26T10:00:00.000Z'));
    expect(await statuses.blocks(labId + 1, [report])).toEqual(new Map());
    expect((await statuses.blocks(labId, [report])).get(report)).toMatchObject({ decisionId: 'd-2' });
  });

  it('refuses a status that breaks the rules, writing nothing', async () => {
    const bad = report + 10;
    await expect(statuses.saveDecision(labId, bad, { ...decision('d-9', '2026-05-25T10:00:00.000Z'), decidedStatus: 'maybe' as never })).rejects.toThrow(/decided_status/);
    await expect(statuses.saveDecision(labId, bad, decision('d-9', 'yesterday'))).rejects.toThrow(/decidedAt/);
    await expect(statuses.saveReview(labId, bad, { decisionId: 'd-9', action: 'released', by: '', comment: 'x', at: '2026-05-25T10:00:00.000Z' })).rejects.toThrow(/reviewed_by/);
    await expect(statuses.saveDecision(labId, bad, { ...decision('d-9', '2026-05-25T10:00:00.000Z'), reasons: null as never })).rejects.toThrow(/decision_whole/);
    expect(await pg.query(`SELECT 1 FROM ${S}.report_verifications WHERE lab_report_id = $1`, [bad])).toEqual([]);
  });

  it('the report read joins the status in its one statement', async () => {
    const [{ id: testId }] = await pg.query(`INSERT INTO ${S}.tests (lab_id, test_name, test_type, document_report, report_data, age_range_data, calculations, child_labs)
      VALUES ($1, 'CBC', 'Normal', 0, '[]', '[]', '[]', '[]') RETURNING id`, [labId]);
    const patientId = randomUUID();
    await pg.query(`INSERT INTO ${S}.patients (id, lab_id, name, date_of_birth, gender) VALUES ($1, $2, 'Verified Status', '1970-01-01', 'female')`, [patientId, labId]);
    const [{ id: billId }] = await pg.query(`INSERT INTO ${S}.bills (lab_id, patient_id, registered_by) VALUES ($1, $2, '7') RETURNING id`, [labId, patientId]);
    const [{ id: labReportId }] = await pg.query(`INSERT INTO ${S}.lab_reports (lab_id, bill_id, patient_id, test_id, sample_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [labId, billId, patientId, testId, `VS${labId}`]);
    const reports = new ReportWithTestRepository(pg);
    expect((await reports.findOne(labId, labReportId, { verification: true }))?.verification).toBeNull();
    await statuses.saveDecision(labId, labReportId, decision('d-3', '2026-05-25T10:00:00.000Z'));
    expect((await reports.findOne(labId, labReportId, { verification: true }))?.verification).toMatchObject({ status: 'held', decisionId: 'd-3', heldParameters: [4] });
    expect((await reports.findOne(labId, labReportId))?.verification).toBeNull(); // not asked for
  });
});
