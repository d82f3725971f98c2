import { RerunCancelled, RerunRequestRecorded, RerunValuesReceived } from '@labflow/contracts';
import { addReport, addTest, throughSeam } from '../in-memory-fixtures.fake';
import { eventCommand, inMemoryReporting, inMemoryReportingUnit, LAB } from '../in-memory-reporting.fake';
import { ApplyRerunCancelledUseCase, ApplyRerunRequestedUseCase, ApplyRerunValuesUseCase } from './apply-rerun-flag.usecase';

const position = (labReportId: number, sequence: number, labId = LAB) => ({ labId, labReportId, lifecycleEpoch: 1000, sequence });

describe('the rerun flag use cases (sampleRedrawFlag, forward only)', () => {
  function setup() {
    const unit = inMemoryReportingUnit();
    return { unit, report: addReport(unit.tables, addTest(unit.tables)) };
  }

  it('a request sets 3, a fulfilled delivery 4, a cancel 0, each marking the report for search', async () => {
    const { unit, report } = setup();
    await new ApplyRerunRequestedUseCase().execute(eventCommand({ ...position(report.id, 1) } as RerunRequestRecorded), unit);
    expect(unit.tables.report(LAB, report.id)?.sampleRedrawFlag).toBe(3);
    await new ApplyRerunValuesUseCase().execute(eventCommand({ ...position(report.id, 2), fulfilled: true } as RerunValuesReceived), unit);
    expect(unit.tables.report(LAB, report.id)?.sampleRedrawFlag).toBe(4);
    await new ApplyRerunCancelledUseCase().execute(eventCommand({ ...position(report.id, 3) } as RerunCancelled), unit);
    expect(unit.tables.report(LAB, report.id)?.sampleRedrawFlag).toBe(0);
    expect(unit.tables.searchMarks).toHaveLength(3);
    expect(unit.published).toEqual([]);
  });

  it('a partial delivery keeps 3 but counts as the newest position', async () => {
    const { unit, report } = setup();
    await new ApplyRerunRequestedUseCase().execute(eventCommand({ ...position(report.id, 1) } as RerunRequestRecorded), unit);
    await new ApplyRerunValuesUseCase().execute(eventCommand({ ...position(report.id, 3), fulfilled: false } as RerunValuesReceived), unit);
    await new ApplyRerunCancelledUseCase().execute(eventCommand({ ...position(report.id, 2) } as RerunCancelled), unit);
    expect(unit.tables.report(LAB, report.id)?.sampleRedrawFlag).toBe(3);
  });

  it('a late event (older position) and another lab\'s report change nothing', async () => {
    const { unit, report } = setup();
    await new ApplyRerunCancelledUseCase().execute(eventCommand({ ...position(report.id, 5) } as RerunCancelled), unit);
    await new ApplyRerunRequestedUseCase().execute(eventCommand({ ...position(report.id, 4) } as RerunRequestRecorded), unit);
    expect(unit.tables.report(LAB, report.id)?.sampleRedrawFlag).toBe(0);
    const foreign = addReport(unit.tables, addTest(unit.tables, { labId: LAB + 1 }));
    await new ApplyRerunRequestedUseCase().execute(eventCommand({ ...position(foreign.id, 1, LAB) } as RerunRequestRecorded), unit);
    expect(unit.tables.report(LAB + 1, foreign.id)?.sampleRedrawFlag).toBe(0);
    expect(unit.tables.positions.has(foreign.id)).toBe(false);
  });

  it('through the seam: each topic has its own inbox consumer, and a redelivery has no effect', async () => {
    const repositories = inMemoryReporting();
    const report = addReport(repositories.tables, addTest(repositories.tables));
    const requested = { ...position(report.id, 1) };
    const first = await throughSeam(new ApplyRerunRequestedUseCase(), requested, repositories, 'e-1');
    repositories.tables.report(LAB, report.id)!.sampleRedrawFlag = 0;
    await throughSeam(new ApplyRerunRequestedUseCase(), requested, repositories, 'e-1', first.units);
    expect(repositories.tables.report(LAB, report.id)?.sampleRedrawFlag).toBe(0);
    expect([...first.units.inbox.keys()]).toEqual(['reporting.rerun-requested\u0000e-1']);
  });
});
