import { RegisterPatientInput } from '@labflow/contracts';
import { addTest, throughSeam } from '../in-memory-fixtures.fake';
import { failureOf, inMemoryReporting, inMemoryReportingUnit, LAB, labCommand, labUser } from '../in-memory-reporting.fake';
import { RegisterPatientUseCase } from './register-patient.usecase';

const input = (testId: number, overrides: Partial<RegisterPatientInput> = {}): RegisterPatientInput => ({
  patient: { name: 'Jane Roe', dateOfBirth: '1980-01-01', gender: 'female' },
  bill: { doctorId: 21 },
  samples: [{ sampleId: 'S-1', collectedAt: '2026-05-25T08:00:00Z' }],
  tests: [{ testId, sampleId: 'S-1' }],
  ...overrides,
} as RegisterPatientInput);

describe('RegisterPatientUseCase', () => {
  const sut = new RegisterPatientUseCase();

  it('stores patient, bill, sample and one lab report per test, marks them for search and publishes bill.registered', async () => {
    const unit = inMemoryReportingUnit();
    const test = addTest(unit.tables);

    const result = await sut.execute(labCommand(input(test.id)), unit);

    const [report] = unit.tables.reports;
    expect(result).toEqual({
      patientId: expect.any(String), billId: unit.tables.bills[0].id,
      labReports: [{ labReportId: report.id, testId: test.id, sampleId: 'S-1' }], samples: [{ sampleId: 'S-1', specimenId: expect.any(String) }],
    });
    expect(report).toMatchObject({ labId: LAB, testId: test.id, sampleId: 'S-1', departmentId: 3, criticalValues: 'none', sampleRedrawFlag: 0 });
    expect(unit.tables.patients).toEqual([{ id: result.patientId, labId: LAB, name: 'Jane Roe', dateOfBirth: '1980-01-01', gender: 'female' }]);
    expect(unit.tables.searchMarks).toEqual([{ labId: LAB, id: report.id }]);
    expect(unit.published).toEqual([{ topic: 'bill.registered', payload: expect.objectContaining({
      labId: LAB, billId: result.billId, doctorId: 21, registeredBy: '7',
      samples: [expect.objectContaining({ sampleId: 'S-1', labReportIds: [report.id] })],
      labReports: [{ labReportId: report.id, testId: test.id, testName: 'CBC', sampleId: 'S-1', departmentId: 3 }],
    }) }]);
  });

  it('is 404 for a test of another lab and 409 for a sample already registered, storing and publishing nothing', async () => {
    const unit = inMemoryReportingUnit();
    const foreign = addTest(unit.tables, { labId: LAB + 1 });
    expect(await failureOf(sut.execute(labCommand(input(foreign.id)), unit))).toEqual({ status: 404, code: 'TEST_NOT_FOUND', message: `Test ${foreign.id} not found` });
    const test = addTest(unit.tables);
    unit.tables.samples.push({ labId: LAB, sampleId: 'S-1', billId: 1, specimenId: 'x', collectedAt: '2026-05-24T08:00:00Z' });
    expect(await failureOf(sut.execute(labCommand(input(test.id)), unit))).toEqual({ status: 409, code: 'SAMPLE_EXISTS', message: 'Sample S-1 is already registered' });
    expect(unit.tables.patients).toEqual([]);
    expect(unit.published).toEqual([]);
  });

  it('is 400 for a repeated sample and for a test in no sample of the request', async () => {
    const unit = inMemoryReportingUnit();
    const test = addTest(unit.tables);
    const sample = { sampleId: 'S-1', collectedAt: '2026-05-25T08:00:00Z' };
    expect(await failureOf(sut.execute(labCommand(input(test.id, { samples: [sample, sample] })), unit)))
      .toEqual({ status: 400, code: 'VALIDATION_FAILED', message: 'samples: sampleId S-1 is repeated' });
    expect(await failureOf(sut.execute(labCommand(input(test.id, { tests: [{ testId: test.id, sampleId: 'S-9' }] })), unit)))
      .toEqual({ status: 400, code: 'VALIDATION_FAILED', message: 'tests.0.sampleId S-9 is not one of samples' });
    expect(unit.tables.reports).toEqual([]);
  });

  it('through the seam: 201, and a repeated command (same id) answers the kept reply without registering again', async () => {
    const repositories = inMemoryReporting();
    const test = addTest(repositories.tables);
    const payload = { principal: labUser(), input: input(test.id) };
    const first = await throughSeam(sut, payload, repositories, '00000000-0000-4000-8000-00000000aaaa');
    expect(first.reply).toMatchObject({ ok: true, status: 201 });
    expect(first.units.committed.map((e) => e.topic)).toEqual(['bill.registered']);
    const again = await throughSeam(sut, payload, repositories, '00000000-0000-4000-8000-00000000aaaa', first.units);
    expect(again.reply).toEqual(first.reply);
    expect(repositories.tables.reports).toHaveLength(1);
  });
});
