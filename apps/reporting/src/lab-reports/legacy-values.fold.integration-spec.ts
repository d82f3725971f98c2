import mongoose, { Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createPostgres, migrate } from '@labflow/platform/persistence';
import { MIGRATIONS, SCHEMA } from '../migrations';
import { ReportHistoryRepository } from './report-history.repository';
import { DocumentValuesStore } from './document-values.store';
import { LegacyValuesFold } from './legacy-values.fold';

/**
 * Against the real stores: document values of the layout before report value sets (one document per
 * value) are folded into the report's set and the relational values, never over a newer value.
 */
describe('LegacyValuesFold (document store + PostgreSQL)', () => {
  const labId = 800_000_000 + Math.floor(Math.random() * 99_999_999);
  let mongo: Connection;
  let pg: DataSource;
  let reports: number[];

  const value = (labReportId: number, index: number, value: number, flags: string[]) => ({
    labId, labReportId, index, value, test_flags: flags, param_flags: [], param_flag_interpretations: [],
    device_id: 3, device_name: 'Old XN', device_extra_data: {}, resultId: 'legacy', updatedAt: new Date('2026-05-01T08:00:00Z'),
  });
  const legacyValue = (labReportId: number, index: number, v: number, flags: string[]) => ({ _id: `${labReportId}:${index}`, ...value(labReportId, index, v, flags) });

  beforeAll(async () => {
    // A database of its own: the fold drops the old collection when done.
    mongo = await mongoose.createConnection(`${process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/labflow'}_fold`, { retryWrites: false }).asPromise();
    pg = createPostgres({ url: process.env.POSTGRES_URL!, schema: SCHEMA, entities: [], migrations: MIGRATIONS, poolSize: 2, applicationName: 'fold-test' });
    await pg.initialize();
    await migrate(pg, SCHEMA);
    const S = `"${SCHEMA}"`;
    const [{ id: testId }] = await pg.query(`INSERT INTO ${S}.tests (lab_id, test_name, test_type, document_report, report_data, age_range_data, calculations, child_labs)
      VALUES ($1, 'CBC', 'Normal', 1, '[]', '[]', '[]', '[]') RETURNING id`, [labId]);
    const patientId = randomUUID();
    await pg.query(`INSERT INTO ${S}.patients (id, lab_id, name, date_of_birth, gender) VALUES ($1, $2, 'Old Layout', '1970-01-01', 'female')`, [patientId, labId]);
    const [{ id: billId }] = await pg.query(`INSERT INTO ${S}.bills (lab_id, patient_id, registered_by) VALUES ($1, $2, '7') RETURNING id`, [labId, patientId]);
    reports = [];
    for (const sampleId of [`LA${labId}`, `LB${labId}`]) {
      await pg.query(`INSERT INTO ${S}.samples (lab_id, sample_id, bill_id, specimen_id, collected_at) VALUES ($1, $2, $3, $4, now())`, [labId, sampleId, billId, randomUUID()]);
      const [{ id }] = await pg.query(`INSERT INTO ${S}.lab_reports (lab_id, bill_id, patient_id, test_id, sample_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [labId, billId, patientId, testId, sampleId]);
      reports.push(id);
    }
  });
  afterAll(async () => {
    await mongo.dropDatabase();
    await mongo.close();
    await pg.destroy();
  });

  it('moves old values into their reports and history, keeps newer ones, then drops the old collection', async () => {
    const [first, second] = reports;
    const store = new DocumentValuesStore(mongo);
    await mongo.db!.collection('report_values').insertMany([legacyValue(first, 4, 12.1, ['OLD']), legacyValue(first, 5, 4.4, []), legacyValue(second, 4, 9.9, ['OLD'])] as never[]);
    // index 4 of the second report was written again after the upgrade, in the new layout: it stays
    await store.saveValues([{ ...value(second, 4, 13.3, ['NEW']), resultId: 'new' }]);
    await pg.query(`INSERT INTO "${SCHEMA}".report_values (lab_id, lab_report_id, index, value, numeric_value) VALUES ($1, $2, 4, '13.3', 13.3)`, [labId, second]);

    const fold = new LegacyValuesFold(mongo, pg);
    expect(await fold.fold()).toBe(3);
    expect(await fold.fold()).toBe(0); // the old collection is gone: the next start does nothing

    expect((await store.valuesOf(labId, [first, second])).map((v) => [v.labReportId, v.index, v.value, v.test_flags, v.device_name])).toEqual([
      [first, 4, 12.1, ['OLD'], 'Old XN'], [first, 5, 4.4, [], 'Old XN'], [second, 4, 13.3, ['NEW'], 'Old XN'],
    ]);
    const history = await new ReportHistoryRepository(pg).of(labId, [second]);
    expect(history.get(second)).toEqual([
      { labReportId: first, index: 4, value: 12.1, date: expect.any(String) },
      { labReportId: first, index: 5, value: 4.4, date: expect.any(String) },
    ]);
    const rows = await pg.query(`SELECT lab_report_id, index, numeric_value FROM "${SCHEMA}".report_values WHERE lab_id = $1 ORDER BY 1, 2`, [labId]);
    expect(rows).toEqual([
      { lab_report_id: first, index: 4, numeric_value: 12.1 }, { lab_report_id: first, index: 5, numeric_value: 4.4 },
      { lab_report_id: second, index: 4, numeric_value: 13.3 },
    ]);
    expect(await mongo.db!.listCollections({ name: 'report_values' }).toArray()).toEqual([]);
  });
});
