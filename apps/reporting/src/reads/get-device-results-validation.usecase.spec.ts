import { addReport, addTest } from '../in-memory-fixtures.fake';
import { failureOf, inMemoryReportingUnit, LAB, labCommand } from '../in-memory-reporting.fake';
import { GetDeviceResultsValidationUseCase } from './get-device-results-validation.usecase';

const window = { startDate: '2026-05-25T00:00:00Z', endDate: '2026-05-26T00:00:00Z' };

describe('GetDeviceResultsValidationUseCase', () => {
  const sut = new GetDeviceResultsValidationUseCase();

  it('lists the device\'s results of the window with flags, the related report, linearity, history and bill details', async () => {
    const unit = inMemoryReportingUnit();
    await unit.devices.save({ labId: LAB, deviceId: 3, name: 'XN-1000' });
    const test = addTest(unit.tables);
    const earlier = addReport(unit.tables, test, { createdAt: new Date('2026-05-01T08:00:00Z') });
    const report = addReport(unit.tables, test, { patientId: earlier.patientId });
    await unit.labReports.upsertValues([{ labId: LAB, labReportId: earlier.id, index: 4, value: '13', numericValue: 13, deviceId: 3 }]);
    await unit.documents.saveDeviceResults([{
      _id: `r-1:${report.id}:4`, labId: LAB, deviceId: 3, deviceName: 'XN-1000', resultId: 'r-1', sampleId: report.sampleId, labReportId: report.id,
      testId: test.id, index: 4, testName: 'HGB', value: 21, test_flags: ['Sample Error'], param_flags: ['H'], param_flag_interpretations: ['High'],
      status: 'applied', receivedAt: new Date('2026-05-25T09:00:00Z'),
    }]);

    const result = await sut.execute(labCommand({ deviceId: 3, ...window }), unit);

    expect(result).toMatchObject({ device_id: 3, device_name: 'XN-1000', verification_mapper: { [report.id]: null } });
    expect(result.results).toEqual([expect.objectContaining({
      resultId: 'r-1', parameter_index: 4, status: 'applied', receivedAt: '2026-05-25T09:00:00.000Z',
      value: [{ value: 21, test_flags: ['Sample Error'], param_flags: ['H'] }],
      related_reports: [{
        labReportId: report.id, report_name: 'CBC', parameter_index: 4, parameter_name: 'Haemoglobin', linearity_ranges: { lower: 0, upper: 25 },
        parameter_historical_values: [{ labReportId: earlier.id, value: 13, date: '2026-05-01T08:00:00.000Z' }],
      }],
    })]);
    expect(result.bill_and_user_details_by_sample[report.sampleId]).toMatchObject({ billId: report.billId, doctorId: 21, registeredBy: '7' });
  });

  it.each([
    ['a start after the end', { startDate: '2026-05-26T00:00:00Z', endDate: '2026-05-25T00:00:00Z' }, 'startDate must not be after endDate'],
    ['a window over 31 days', { startDate: '2026-04-01T00:00:00Z', endDate: '2026-05-25T00:00:00Z' }, 'The date range must not exceed 31 days'],
  ])('is 400 for %s', async (_what, dates, message) => {
    const unit = inMemoryReportingUnit();
    await unit.devices.save({ labId: LAB, deviceId: 3, name: 'XN-1000' });
    expect(await failureOf(sut.execute(labCommand({ deviceId: 3, ...dates }), unit))).toEqual({ status: 400, code: 'VALIDATION_FAILED', message });
  });

  it('is 404 for a device of another lab', async () => {
    const unit = inMemoryReportingUnit();
    await unit.devices.save({ labId: LAB + 1, deviceId: 3, name: 'XN-1000' });
    expect(await failureOf(sut.execute(labCommand({ deviceId: 3, ...window }), unit))).toEqual({ status: 404, code: 'DEVICE_NOT_FOUND', message: 'Device not found' });
  });
});
