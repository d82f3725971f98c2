import { addTest, formatBody } from '../in-memory-fixtures.fake';
import { failureOf, inMemoryReportingUnit, LAB, labCommand } from '../in-memory-reporting.fake';
import { UpdateReportFormatUseCase } from './update-report-format.usecase';

describe('UpdateReportFormatUseCase', () => {
  const sut = new UpdateReportFormatUseCase();

  it('replaces the format, grows the revision, keeps document_report of a Profile and publishes report_format.saved', async () => {
    const unit = inMemoryReportingUnit();
    const test = addTest(unit.tables, { documentReport: 1, testType: 'Profile' });
    const body = formatBody({ testData: { test: { testName: 'CBC v2', test_type: 'Profile' } } });

    const result = await sut.execute(labCommand({ ...body, testId: test.id }), unit);

    expect(result).toMatchObject({ testId: test.id, testName: 'CBC v2', document_report: 1 });
    expect(unit.tables.tests[0]).toMatchObject({ testName: 'CBC v2', revision: 2 });
    expect(unit.published).toEqual([{ topic: 'report_format.saved', payload: expect.objectContaining({ testId: test.id, revision: 2, testName: 'CBC v2' }) }]);
  });

  it('is 404 for a test of another lab and 400 for an invalid format, changing nothing', async () => {
    const unit = inMemoryReportingUnit();
    const foreign = addTest(unit.tables, { labId: LAB + 1 });
    expect(await failureOf(sut.execute(labCommand({ ...formatBody(), testId: foreign.id }), unit))).toEqual({ status: 404, code: 'TEST_NOT_FOUND', message: 'Test not found' });
    const own = addTest(unit.tables);
    expect(await failureOf(sut.execute(labCommand({ ...formatBody({ ageRangeData: [{ index: 9, gender: 'any', age_from: 0, age_to: 5, age_unit: 'years' }] }), testId: own.id }), unit)))
      .toEqual({ status: 400, code: 'INVALID_REPORT_FORMAT', message: 'ageRangeData index 9 is not a reportData index' });
    expect(unit.tables.tests.map((t) => t.revision)).toEqual([1, 1]);
    expect(unit.published).toEqual([]);
  });
});
