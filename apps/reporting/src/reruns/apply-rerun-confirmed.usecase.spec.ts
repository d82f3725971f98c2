import { RerunConfirmed } from '@labflow/contracts';
import { addReport, addTest } from '../in-memory-fixtures.fake';
import { eventCommand, inMemoryReportingUnit, LAB } from '../in-memory-reporting.fake';
import { ApplyRerunConfirmedUseCase } from './apply-rerun-confirmed.usecase';

const confirmed = (labReportId: number, sequence: number, values: [number, string, 'original' | 'rerun' | 'entered'][], labId = LAB) => ({
  labId, labReportId, lifecycleEpoch: 1000, sequence, originalValues: [],
  confirmed: values.map(([index, value, choice]) => ({ index, value, choice })),
} as unknown as RerunConfirmed);

describe('ApplyRerunConfirmedUseCase', () => {
  const sut = new ApplyRerunConfirmedUseCase();

  it('replaces the values at the confirmed indexes, closes the flag, marks the report and publishes report.values_updated (source rerun)', async () => {
    const unit = inMemoryReportingUnit();
    const report = addReport(unit.tables, addTest(unit.tables), { sampleRedrawFlag: 4 });
    await unit.labReports.upsertValues([{ labId: LAB, labReportId: report.id, index: 4, value: '30', numericValue: 30, deviceId: 3 }]);

    await sut.execute(eventCommand(confirmed(report.id, 4, [[4, '6.5', 'rerun'], [5, 'hemolysed', 'entered']])), unit);

    expect(await unit.labReports.values(LAB, [report.id])).toEqual([
      { labReportId: report.id, index: 4, value: '6.5', numericValue: 6.5 }, { labReportId: report.id, index: 5, value: 'hemolysed', numericValue: null },
    ]);
    expect(unit.tables.report(LAB, report.id)?.sampleRedrawFlag).toBe(0);
    expect(unit.tables.searchMarks).toEqual([{ labId: LAB, id: report.id }]);
    expect(unit.published).toEqual([{ topic: 'report.values_updated', payload: expect.objectContaining({
      labReportId: report.id, source: 'rerun', applied: true, values: [expect.objectContaining({ index: 4, critical: true }), expect.objectContaining({ index: 5 })],
    }) }]);
  });

  it('keeps the machine flags of a kept original in a document report\'s document, dropping those of a rerun value', async () => {
    const unit = inMemoryReportingUnit();
    const report = addReport(unit.tables, addTest(unit.tables, { documentReport: 1 }));
    const stored = (index: number) => ({
      labId: LAB, labReportId: report.id, index, value: 13, test_flags: ['T'], param_flags: ['H'], param_flag_interpretations: ['High'],
      device_id: 3, device_name: 'XN-1000', device_extra_data: {}, resultId: 'r-1', updatedAt: new Date(),
    });
    await unit.documents.saveValues([stored(4), stored(5)]);
    await sut.execute(eventCommand(confirmed(report.id, 4, [[4, '13', 'original'], [5, '5.1', 'rerun']])), unit);
    expect(unit.documents.values.map((v) => [v.index, v.value, v.param_flags, v.test_flags])).toEqual([[4, '13', ['H'], ['T']], [5, '5.1', [], ['T']]]);
  });

  it('a late confirm replaces the values but leaves the flag; another lab\'s report changes nothing', async () => {
    const unit = inMemoryReportingUnit();
    const report = addReport(unit.tables, addTest(unit.tables), { sampleRedrawFlag: 3 });
    unit.tables.positions.set(report.id, { labId: LAB, epoch: 1000, sequence: 9 });
    await sut.execute(eventCommand(confirmed(report.id, 4, [[4, '13', 'rerun']])), unit);
    expect(unit.tables.report(LAB, report.id)?.sampleRedrawFlag).toBe(3);
    expect(await unit.labReports.values(LAB, [report.id])).toHaveLength(1);
    const foreign = addReport(unit.tables, addTest(unit.tables, { labId: LAB + 1 }));
    await sut.execute(eventCommand(confirmed(foreign.id, 1, [[4, '13', 'rerun']])), unit);
    expect(await unit.labReports.values(LAB + 1, [foreign.id])).toEqual([]);
    expect(unit.published).toHaveLength(1);
  });
});
