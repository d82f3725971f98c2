import { addReport, addTest } from '../in-memory-fixtures.fake';
import { failureOf, inMemoryReportingUnit, LAB, labCommand } from '../in-memory-reporting.fake';
import { GetSampleLabReportsUseCase } from './get-sample-lab-reports.usecase';

describe('GetSampleLabReportsUseCase', () => {
  const sut = new GetSampleLabReportsUseCase();

  it('lists the lab reports of the caller\'s sample', async () => {
    const unit = inMemoryReportingUnit();
    const test = addTest(unit.tables);
    const a = addReport(unit.tables, test, { sampleId: 'S-1' });
    const b = addReport(unit.tables, test, { sampleId: 'S-1', billId: a.billId });
    addReport(unit.tables, test, { sampleId: 'S-2' });
    expect(await sut.execute(labCommand({ sampleId: 'S-1' }), unit)).toEqual({
      sampleId: 'S-1', labReports: [{ labReportId: a.id, testId: test.id, billId: a.billId }, { labReportId: b.id, testId: test.id, billId: a.billId }],
    });
  });

  it('is 404 for a sample of another lab', async () => {
    const unit = inMemoryReportingUnit();
    addReport(unit.tables, addTest(unit.tables, { labId: LAB + 1 }), { sampleId: 'S-1' });
    expect(await failureOf(sut.execute(labCommand({ sampleId: 'S-1' }), unit))).toEqual({ status: 404, code: 'SAMPLE_NOT_FOUND', message: 'Sample not found' });
  });
});
