import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Queryable } from '@labflow/platform/kafka';
import { createPostgres, migrate } from '@labflow/platform/persistence';
import { ValueHistoryRepository } from './decisions/value-history.repository';
import { MIGRATIONS, SCHEMA } from './migrations';
import { QcHoldRepository } from './qc/qc-hold.repository';
import { RerunRepository } from './reruns/rerun.repository';
import { aValue } from './rules/rule-fixtures';
import { RuleSetRepository } from './rule-sets/rule-set.repository';

const RULES = { parameters: [], blockingParamFlags: [], blockingTestFlags: [], devices: [] };

/** The repositories whose SQL carries a rule (versions, look-back order, lifecycle order, hold window) on real PostgreSQL. */
describe('verification repositories on PostgreSQL', () => {
  // a lab of its own, so the spec runs beside any other data of the environment
  const labId = 1_000_000 + Math.floor(Math.random() * 1_000_000_000);
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = createPostgres({
      url: process.env.POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/labflow', schema: SCHEMA, entities: [], migrations: MIGRATIONS,
      poolSize: 8, applicationName: 'verification-integration',
    });
    await dataSource.initialize();
    await migrate(dataSource, SCHEMA);
  });
  afterAll(() => dataSource.destroy());

  it('numbers rule-set versions 1, 2, 3… under concurrent saves and decides with the latest active one', async () => {
    const sut = (db: Queryable) => new RuleSetRepository(db);
    const saved = await Promise.all([true, true, false, true, false].map((active) => dataSource.transaction((m) => sut(m).insert(labId, 10, active, RULES, '7'))));
    expect(saved.map((r) => r.version).sort()).toEqual([1, 2, 3, 4, 5]);
    const lastActive = Math.max(...saved.filter((r) => r.active).map((r) => r.version));
    expect((await sut(dataSource.manager).latestActive(labId, 10))?.version).toBe(lastActive);
    expect((await sut(dataSource.manager).find(labId, 10))?.version).toBe(5);
    expect(await sut(dataSource.manager).latestActive(labId + 1, 10)).toBeNull();
  });

  it('finds the patient\'s latest earlier result of each parameter from another report of the test', async () => {
    const sut = (db: Queryable) => new ValueHistoryRepository(db);
    const patientId = randomUUID();
    const at = (day: number) => `2026-05-${String(day).padStart(2, '0')}T10:00:00.000Z`;
    await dataSource.transaction(async (m) => {
      await sut(m).record({ labId, labReportId: 1, patientId, testId: 10 }, [aValue({ numericValue: 12, observedAt: at(1) }), aValue({ index: 5, numericValue: 5, observedAt: at(1) })]);
      await sut(m).record({ labId, labReportId: 2, patientId, testId: 10 }, [aValue({ numericValue: 13, observedAt: at(10) })]);
      await sut(m).record({ labId, labReportId: 3, patientId, testId: 10 }, [aValue({ numericValue: 99, observedAt: at(20) })]); // later than asked
      await sut(m).record({ labId, labReportId: 4, patientId: randomUUID(), testId: 10 }, [aValue({ numericValue: 50, observedAt: at(12) })]);
      await sut(m).record({ labId, labReportId: 5, patientId, testId: 11 }, [aValue({ numericValue: 40, observedAt: at(12) })]);
      await sut(m).record({ labId, labReportId: 6, patientId, testId: 10 }, [aValue({ value: 'see note', numericValue: null, observedAt: at(14) })]);
    });
    const previous = await sut(dataSource.manager).previous({ labId, labReportId: 7, patientId, testId: 10 }, [4, 5, 6], at(15));
    expect(previous).toEqual([
      { index: 4, numericValue: 13, observedAt: at(10), labReportId: 2 },
      { index: 5, numericValue: 5, observedAt: at(1), labReportId: 1 },
    ]);
    // the report's own earlier value is not its previous result
    expect((await sut(dataSource.manager).previous({ labId, labReportId: 2, patientId, testId: 10 }, [4], at(15)))[0].labReportId).toBe(1);
  });

  it('keeps the newest rerun lifecycle position: a late request does not reopen a closed rerun', async () => {
    const sut = (db: Queryable) => new RerunRepository(db);
    const position = (sequence: number) => ({ labId, labReportId: 20, lifecycleEpoch: 1_700_000_000_000, sequence });
    await dataSource.transaction((m) => sut(m).apply(position(3), { open: false, confirmed: true }));
    await dataSource.transaction((m) => sut(m).apply(position(1), { open: true, since: '2026-05-25T09:00:00.000Z', requestedParameters: [4] }));
    expect(await sut(dataSource.manager).openRerun(labId, 20)).toBeNull();
    await dataSource.transaction((m) => sut(m).apply({ ...position(1), lifecycleEpoch: 1_800_000_000_000 }, { open: true, since: '2026-05-26T09:00:00.000Z', requestedParameters: [5] }));
    expect(await sut(dataSource.manager).openRerun(labId, 20)).toEqual({ since: '2026-05-26T09:00:00.000Z', requestedParameters: [5] });
    expect(await sut(dataSource.manager).rerunReports(labId, [20, 21])).toEqual(new Set([20]));
  });

  it('holds a device\'s results from the QC failure until the hold is cleared', async () => {
    const sut = (db: Queryable) => new QcHoldRepository(db);
    await dataSource.transaction((m) => sut(m).set(labId, 3, '2026-05-25T06:00:00.000Z', 'Level 2 out', '7'));
    expect(await sut(dataSource.manager).activeFor(labId, [3, 4], '2026-05-25T05:59:59.000Z')).toEqual([]);
    expect(await sut(dataSource.manager).activeFor(labId, [3, 4], '2026-05-25T06:00:00.000Z')).toEqual([{ deviceId: 3, since: '2026-05-25T06:00:00.000Z', reason: 'Level 2 out' }]);
    expect(await sut(dataSource.manager).activeFor(labId + 1, [3], '2026-05-25T07:00:00.000Z')).toEqual([]);
    const cleared = await dataSource.transaction((m) => sut(m).clear(labId, 3, '8'));
    expect(cleared).toMatchObject({ held: false, setBy: '7' });
    expect(await sut(dataSource.manager).activeFor(labId, [3], '2026-05-25T07:00:00.000Z')).toEqual([]);
  });
});
