import { formatBody, throughSeam } from '../in-memory-fixtures.fake';
import { failureOf, inMemoryReporting, inMemoryReportingUnit, LAB, labCommand, labUser } from '../in-memory-reporting.fake';
import { CreateReportFormatUseCase } from './create-report-format.usecase';

describe('CreateReportFormatUseCase', () => {
  const sut = new CreateReportFormatUseCase();

  it('stores the test (document_report from enable_device_flags) and publishes report_format.saved', async () => {
    const unit = inMemoryReportingUnit();

    const result = await sut.execute(labCommand(formatBody()), unit);

    expect(result).toMatchObject({ testName: 'CBC', test_type: 'Normal', document_report: 1, department: 3, calculations: [{ index: 6, expression: '{4} / {5}', decimals: 2 }] });
    expect(unit.tables.tests).toEqual([expect.objectContaining({ id: result.testId, labId: LAB, documentReport: 1, departmentId: 3 })]);
    expect(unit.published).toEqual([{ topic: 'report_format.saved', payload: expect.objectContaining({
      labId: LAB, testId: result.testId, documentReport: 1, revision: 1,
      parameters: expect.arrayContaining([expect.objectContaining({ index: 6, calculated: true }), expect.objectContaining({ index: 4, criticalLower: 7, calculated: false })]),
    }) }]);
  });

  it.each([
    ['a repeated index', formatBody({ reportData: [{ index: 4, name: 'A' }, { index: 4, name: 'B' }], calculations: [] }), 'reportData index 4 is repeated'],
    ['an inverted band', formatBody({ reportData: [{ index: 4, name: 'A', lower: 9, upper: 2 }], calculations: [] }), 'reportData index 4: lower must not be greater than upper'],
    ['a calculation over an unknown index', formatBody({ calculations: [{ index: 6, expression: '{4} / {9}' }] }), 'calculations index 6: {9} is not a reportData index'],
  ])('is 400 INVALID_REPORT_FORMAT for %s, storing and publishing nothing', async (_what, body, message) => {
    const unit = inMemoryReportingUnit();
    expect(await failureOf(sut.execute(labCommand(body), unit))).toEqual({ status: 400, code: 'INVALID_REPORT_FORMAT', message });
    expect(unit.tables.tests).toEqual([]);
    expect(unit.published).toEqual([]);
  });

  it('through the seam: 201 with the stored format', async () => {
    const { reply } = await throughSeam(sut, { principal: labUser(), input: formatBody() }, inMemoryReporting());
    expect(reply).toMatchObject({ ok: true, status: 201, body: { testName: 'CBC' } });
  });
});
