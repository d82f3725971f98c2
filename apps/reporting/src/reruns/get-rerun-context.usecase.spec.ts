import { addReport, addTest } from '../in-memory-fixtures.fake';
import { failureOf, inMemoryReportingUnit, LAB, labCommand } from '../in-memory-reporting.fake';
import { GetRerunContextsUseCase, GetRerunContextUseCase } from './get-rerun-context.usecase';

describe('the rerun context queries', () => {
  function setup() {
    const unit = inMemoryReportingUnit();
    const test = addTest(unit.tables, { reportData: [{ index: 4, name: 'Haemoglobin', lower: 12, upper: 16, auto_rerun_allowed: true, auto_rerun_condition: 'critical' }] });
    const report = addReport(unit.tables, test, { sampleRedrawFlag: 3 });
    return { unit, test, report };
  }

  it('answers the report\'s parameters with rerun rules, the patient and the current values as text', async () => {
    const { unit, test, report } = setup();
    await unit.labReports.upsertValues([{ labId: LAB, labReportId: report.id, index: 4, value: '6.50', numericValue: 6.5, deviceId: 3 }]);
    expect(await new GetRerunContextUseCase().execute(labCommand({ labReportId: report.id }), unit)).toEqual({
      labReportId: report.id, labId: LAB, sampleId: report.sampleId, testId: test.id, sampleRedrawFlag: 3,
      patient: { gender: 'female', dateOfBirth: '1980-01-01' },
      parameters: [{
        index: 4, name: 'Haemoglobin', lower: 12, upper: 16, criticalLower: null, criticalUpper: null, autoRerunAllowed: true, autoRerunCondition: 'critical',
        autoRerunLower: null, autoRerunUpper: null,
      }],
      ageRanges: [], values: [{ index: 4, value: '6.50' }],
    });
  });

  it('is 404 for one report of another lab; the batch leaves it out', async () => {
    const { unit, report } = setup();
    const foreign = addReport(unit.tables, addTest(unit.tables, { labId: LAB + 1 }));
    expect(await failureOf(new GetRerunContextUseCase().execute(labCommand({ labReportId: foreign.id }), unit)))
      .toEqual({ status: 404, code: 'LAB_REPORT_NOT_FOUND', message: 'Lab report not found' });
    const many = await new GetRerunContextsUseCase().execute(labCommand({ labReportIds: [report.id, foreign.id] }), unit);
    expect(many.contexts.map((c) => c.labReportId)).toEqual([report.id]);
  });
});
