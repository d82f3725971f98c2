import { DeviceDataReceived } from '@labflow/contracts';
import { addReport, addTest } from '../in-memory-fixtures.fake';
import { InMemoryTables, ReportRecord } from '../in-memory-lab-reports.fake';
import { failureOf, inMemoryBatchUnits, LAB } from '../in-memory-reporting.fake';
import { ApplyDeviceDataUseCase, DeviceDataMessage } from './apply-device-data.usecase';

const upload = (report: ReportRecord, values: [number, string][], overrides: Partial<DeviceDataReceived> = {}): DeviceDataReceived => ({
  resultId: `r-${report.id}-${values.map(([i]) => i).join('-')}`, labId: report.labId, sampleId: report.sampleId, deviceId: 3, deviceName: 'XN-1000',
  labReportIds: [report.id], testFlags: ['Sample Error'], receivedAt: '2026-05-25T09:00:00.000Z',
  values: values.map(([index, value]) => ({
    labReportId: report.id, testId: report.testId, index, testName: 'HGB', value, numericValue: Number(value), paramFlags: ['H'], interpretation: ['H'],
  })),
  ...overrides,
});
const message = (event: DeviceDataReceived, messageId: string): DeviceDataMessage =>
  ({ event, messageId, cause: { labId: event.labId, correlationId: 'c', causationId: messageId }, trace: () => ({}) });

describe('ApplyDeviceDataUseCase', () => {
  const sut = new ApplyDeviceDataUseCase();
  function setup(documentReport = 0) {
    const batch = inMemoryBatchUnits();
    const tables: InMemoryTables = batch.unit.tables;
    const test = addTest(tables, { documentReport, calculations: [{ index: 6, expression: '{4} * 10', decimals: 1 }] });
    return { ...batch, tables, test, report: addReport(tables, test) };
  }

  it('stores the values, a critical one sets criticalValues pending, calculations follow, the report is marked and report.values_updated written', async () => {
    const { units, unit, tables, report, written, claimed } = setup();

    await sut.execute([message(upload(report, [[4, '6.5']]), 'm-1')], units);

    expect(await unit.labReports.values(LAB, [report.id])).toEqual([
      { labReportId: report.id, index: 4, value: '6.5', numericValue: 6.5 }, { labReportId: report.id, index: 6, value: '65', numericValue: 65 },
    ]);
    expect(tables.report(LAB, report.id)?.criticalValues).toBe('pending');
    expect(tables.searchMarks).toEqual([expect.objectContaining({ labId: LAB, id: report.id })]);
    expect([...unit.documents.results.values()]).toEqual([expect.objectContaining({ labReportId: report.id, index: 4, status: 'applied', param_flags: ['H'] })]);
    expect(unit.documents.values).toEqual([]); // not a document report: no flags kept with the values
    expect(claimed).toEqual(new Set(['m-1']));
    expect(written).toEqual([{ topic: 'report.values_updated', causationId: 'm-1', payload: expect.objectContaining({
      labReportId: report.id, source: 'device', applied: true, criticalValues: 'pending', testFlags: [],
      values: [expect.objectContaining({ index: 4, critical: true }), expect.objectContaining({ index: 6, numericValue: 65 })],
    }) }]);
  });

  it('keeps a document report\'s values with their flags in the document store', async () => {
    const { units, unit, report, written } = setup(1);
    await sut.execute([message(upload(report, [[4, '13']]), 'm-1')], units);
    expect(unit.documents.values).toEqual([
      expect.objectContaining({ labReportId: report.id, index: 4, value: 13, test_flags: ['Sample Error'], param_flags: ['H'], device_name: 'XN-1000' }),
      expect.objectContaining({ labReportId: report.id, index: 6, value: 130, test_flags: [], device_name: null }),
    ]);
    expect(written[0].payload).toMatchObject({ documentReport: 1, testFlags: ['Sample Error'], criticalValues: 'none' });
  });

  it('never overwrites a signed report: its values wait in device results for validation', async () => {
    const { units, unit, tables, report, written } = setup();
    tables.report(LAB, report.id)!.isSigned = 1;
    await sut.execute([message(upload(report, [[4, '6.5']]), 'm-1')], units);
    expect(await unit.labReports.values(LAB, [report.id])).toEqual([]);
    expect(tables.report(LAB, report.id)?.criticalValues).toBe('none');
    expect([...unit.documents.results.values()]).toEqual([expect.objectContaining({ status: 'awaiting_validation' })]);
    expect(written[0].payload).toMatchObject({ applied: false });
  });

  it('applies a batch as its uploads one after the other, and a redelivered batch has no effect', async () => {
    const { units, unit, report, written, counts } = setup();
    const batch = [message(upload(report, [[4, '13']]), 'm-1'), message(upload(report, [[4, '14']]), 'm-2')];
    await sut.execute(batch, units);
    await sut.execute(batch, units);
    expect(await unit.labReports.values(LAB, [report.id])).toEqual([
      { labReportId: report.id, index: 4, value: '14', numericValue: 14 }, { labReportId: report.id, index: 6, value: '140', numericValue: 140 },
    ]);
    expect(written.map((w) => w.causationId)).toEqual(['m-1', 'm-2']);
    expect(counts.transactions).toBe(1);
  });

  it('refuses an upload naming another lab\'s report (404), writing nothing', async () => {
    const { units, unit, tables, test, written } = setup();
    const foreign = addReport(tables, test, { labId: LAB + 1 });
    expect(await failureOf(sut.execute([message(upload(foreign, [[4, '13']], { labId: LAB }), 'm-1')], units)))
      .toEqual({ status: 404, code: 'LAB_REPORT_NOT_FOUND', message: `Lab report ${foreign.id} of lab ${LAB} not found` });
    expect(unit.documents.results.size).toBe(0);
    expect(written).toEqual([]);
  });
});
