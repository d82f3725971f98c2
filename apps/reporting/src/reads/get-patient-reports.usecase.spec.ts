import { addReport, addTest } from '../in-memory-fixtures.fake';
import { failureOf, inMemoryReportingUnit, LAB, labCommand } from '../in-memory-reporting.fake';
import { GetPatientReportsUseCase } from './get-patient-reports.usecase';

describe('GetPatientReportsUseCase', () => {
  const sut = new GetPatientReportsUseCase();

  it('lists every report of the anchor\'s patient with values, formats, calculations and a verification mapper', async () => {
    const unit = inMemoryReportingUnit();
    const cbc = addTest(unit.tables);
    const lft = addTest(unit.tables, { testName: 'LFT', calculations: [{ index: 5, expression: '{4} * 2' }] });
    const anchor = addReport(unit.tables, cbc);
    const second = addReport(unit.tables, lft, { patientId: anchor.patientId, criticalValues: 'pending' });
    addReport(unit.tables, cbc); // another patient
    await unit.labReports.upsertValues([{ labId: LAB, labReportId: second.id, index: 4, value: 'hemolysed', numericValue: null, deviceId: null }]);

    const result = await sut.execute(labCommand({ labReportId: anchor.id }), unit);

    expect(result.reports.map((r) => { const v = r as { labReportId: number; testName: string; criticalValues: string }; return [v.labReportId, v.testName, v.criticalValues]; })).toEqual([[anchor.id, 'CBC', 'none'], [second.id, 'LFT', 'pending']]);
    expect(result.report_result_mapper).toEqual({ [anchor.id]: [], [second.id]: [{ index: 4, value: 'hemolysed' }] });
    expect(Object.keys(result.report_format_mapper).sort()).toEqual([String(cbc.id), String(lft.id)].sort());
    expect(result.calculations_mapper[String(lft.id)]).toEqual([{ index: 5, expression: '{4} * 2', testId: lft.id }]);
    expect(result.patient).toEqual({ patientId: anchor.patientId, name: 'Jane Roe', dateOfBirth: '1980-01-01', gender: 'female' });
    expect(result.verification_mapper).toEqual({ [anchor.id]: null, [second.id]: null });
  });

  it('is 404 when the anchor report is not in the caller\'s lab', async () => {
    const unit = inMemoryReportingUnit();
    const foreign = addReport(unit.tables, addTest(unit.tables, { labId: LAB + 1 }));
    expect(await failureOf(sut.execute(labCommand({ labReportId: foreign.id }), unit))).toEqual({ status: 404, code: 'LAB_REPORT_NOT_FOUND', message: 'Lab report not found' });
  });
});
