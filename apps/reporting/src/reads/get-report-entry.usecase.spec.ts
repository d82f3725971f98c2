import { addReport, addTest } from '../in-memory-fixtures.fake';
import { failureOf, inMemoryReportingUnit, LAB, labCommand } from '../in-memory-reporting.fake';
import { GetReportEntryUseCase } from './get-report-entry.usecase';

const decision = { decidedStatus: 'held' as const, reasons: ['delta_check'], ruleSetVersion: 2, heldParameters: [4], decisionId: 'd-1', decidedAt: '2026-05-25T10:00:00.000Z' };

describe('GetReportEntryUseCase', () => {
  const sut = new GetReportEntryUseCase();

  it('answers the values, the patient\'s ranges, the history by index, signing meta and the verification block', async () => {
    const unit = inMemoryReportingUnit();
    const test = addTest(unit.tables);
    const earlier = addReport(unit.tables, test, { createdAt: new Date('2026-05-01T08:00:00Z') });
    const report = addReport(unit.tables, test, { patientId: earlier.patientId, sampleRedrawFlag: 3 });
    await unit.labReports.upsertValues([
      { labId: LAB, labReportId: earlier.id, index: 4, value: '13', numericValue: 13, deviceId: null },
      { labId: LAB, labReportId: report.id, index: 4, value: '6.5', numericValue: 6.5, deviceId: 3 },
    ]);
    await unit.verifications.saveDecision(LAB, report.id, decision);

    const result = await sut.execute(labCommand({ labReportId: report.id, isSigned: 1 }), unit);

    expect(result.value).toEqual([{ index: 4, value: 6.5 }]);
    expect(result.historicalValuesByIndex).toEqual({ 4: [{ labReportId: earlier.id, value: 13, date: '2026-05-01T08:00:00.000Z' }] });
    expect(result.reportFormat[0]).toMatchObject({ index: 4, effective_lower: 12, effective_critical_lower: 7, testId: test.id, calculated: false });
    expect(result.labReportSigningMeta).toMatchObject({ labReportId: report.id, isSigned: 0, requestedIsSigned: 1, sampleRedrawFlag: 3, document_report: 0 });
    expect(result.qcArray).toEqual([]);
    expect(result.verification).toEqual({ ...decision, status: 'held', review: null });
    expect(unit.published).toEqual([]);
  });

  it('reads a document report\'s values with their machine flags; no decision is a null block', async () => {
    const unit = inMemoryReportingUnit();
    const report = addReport(unit.tables, addTest(unit.tables, { documentReport: 1 }));
    await unit.documents.saveValues([{
      labId: LAB, labReportId: report.id, index: 4, value: 21, test_flags: ['Sample Error'], param_flags: ['H'], param_flag_interpretations: ['High'],
      device_id: 3, device_name: 'XN-1000', device_extra_data: {}, resultId: 'r-1', updatedAt: new Date(),
    }]);
    const result = await sut.execute(labCommand({ labReportId: report.id }), unit);
    expect(result.value).toEqual([{ index: 4, value: 21, device_name: 'XN-1000', test_flags: ['Sample Error'], param_flags: ['H'], param_flag_interpretations: ['High'] }]);
    expect(result.verification).toBeNull();
  });

  it('is 404 for a report of another lab', async () => {
    const unit = inMemoryReportingUnit();
    const foreign = addReport(unit.tables, addTest(unit.tables, { labId: LAB + 1 }));
    expect(await failureOf(sut.execute(labCommand({ labReportId: foreign.id }), unit))).toEqual({ status: 404, code: 'LAB_REPORT_NOT_FOUND', message: 'Lab report not found' });
  });
});
