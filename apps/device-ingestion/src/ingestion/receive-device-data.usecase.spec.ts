import { DataPartialFromDeviceInput, systemPrincipal } from '@labflow/contracts';
import { commandFor } from '@labflow/platform/handling';
import { hashDeviceAuth } from '../devices/device-auth';
import { DeviceIngestionTables, failureOf, inMemoryDeviceIngestionUnit, LAB, ownerAnswering } from '../in-memory-device-ingestion.fake';
import { SampleReport } from '../samples/sample.repository';
import { ReceiveDeviceDataUseCase } from './receive-device-data.usecase';

const SAMPLE = '000114626';
const TOKEN = 'f94032be-5e1f-47fd-96a1-92a66c6014c3';
const MAPPING = { id: 1, labId: LAB, deviceId: 3, testId: 12, functionName: 'PartialFill', parameters: [{ testName: 'hmg', index: 4 }, { testName: 'rbc', index: 5 }] };

/** Device 3 of the lab (token TOKEN) mapping test 12, and the sample's reports known here. */
function lab(reports: SampleReport[] = [{ labReportId: 900, testId: 12, billId: 77 }]) {
  const t = new DeviceIngestionTables();
  t.devices.push({ id: 3, labId: LAB, name: 'Sysmex XN-1000', createdAt: new Date(), authHash: hashDeviceAuth(TOKEN), flagTable: { 'H~N': 'H' } });
  t.mappings.push(MAPPING);
  t.sampleReports.push(...reports.map((r) => ({ ...r, labId: LAB, sampleId: SAMPLE })));
  return inMemoryDeviceIngestionUnit(t);
}

const upload = (over: Partial<DataPartialFromDeviceInput> = {}, messageId?: string) => commandFor(systemPrincipal(LAB), {
  labId: LAB, sampleId: SAMPLE, deviceAuth: TOKEN, test_flags: ['FLAG1'],
  data: { values: [{ testName: 'hmg', value: 110.12, param_flags: ['H~N'] }, { testName: 'rbc', value: 'pos' }] },
  ...over,
} as DataPartialFromDeviceInput, messageId);

describe('ReceiveDeviceDataUseCase', () => {
  it('accepts an upload: stores the payload without the token and writes one device.data.received with it', async () => {
    const unit = lab();
    const owner = ownerAnswering([]);
    const command = upload();
    const result = await new ReceiveDeviceDataUseCase(owner.resolver).execute(command, unit);

    expect(unit.contexts.lookups).toEqual([{ authHash: hashDeviceAuth(TOKEN), labId: LAB, sampleId: SAMPLE }]);
    expect(result).toEqual({
      message: 'Data received', resultId: expect.any(String), sampleId: SAMPLE, duplicate: false,
      filled: [{ labReportId: 900, testId: 12, index: 4 }, { labReportId: 900, testId: 12, index: 5 }],
    });
    const [claim] = [...unit.tables.payloads.values()];
    expect(claim).toMatchObject({ resultId: result.resultId, labId: LAB, deviceId: 3, sampleId: SAMPLE, response: result });
    expect(claim.payload).not.toHaveProperty('deviceAuth');
    expect(JSON.stringify(claim)).not.toContain(TOKEN);
    expect(unit.tables.dataEvents).toEqual([{
      payload: {
        resultId: result.resultId, labId: LAB, sampleId: SAMPLE, deviceId: 3, deviceName: 'Sysmex XN-1000',
        labReportIds: [900], testFlags: ['FLAG1'], deviceExtraData: undefined, receivedAt: expect.any(String),
        values: [
          { labReportId: 900, testId: 12, index: 4, testName: 'hmg', value: '110.12', numericValue: 110.12, paramFlags: ['H~N'], interpretation: ['H'] },
          { labReportId: 900, testId: 12, index: 5, testName: 'rbc', value: 'pos', numericValue: undefined, paramFlags: [], interpretation: [] },
        ],
      },
      cause: command.cause,
    }]);
    expect(unit.published).toEqual([]); // no event outside the guarded statement
    expect(owner.asked).toEqual([]);
  });

  it('answers the same payload sent again (another message) duplicate:true with the first response, writing no second event', async () => {
    const unit = lab();
    const sut = new ReceiveDeviceDataUseCase(ownerAnswering([]).resolver);
    const first = await sut.execute(upload({}, 'm-1'), unit);
    const again = await sut.execute(upload({}, 'm-2'), unit);
    expect(again).toEqual({ ...first, duplicate: true });
    expect(unit.tables.dataEvents).toHaveLength(1);
  });

  it('keys a payload by its content, not its token: another payload is accepted on its own', async () => {
    const unit = lab();
    const sut = new ReceiveDeviceDataUseCase(ownerAnswering([]).resolver);
    await sut.execute(upload(), unit);
    await sut.execute(upload({ test_flags: ['FLAG2'] }), unit);
    expect(unit.tables.dataEvents).toHaveLength(2);
  });

  it.each([
    ['a token naming no device of the lab', upload({ deviceAuth: 'a0000000-0000-4000-8000-000000000000' }), 1],
    ['a token of the device for another lab', upload({ labId: LAB + 1 }), 1],
    ['no token at all', upload({ deviceAuth: undefined }), 0],
  ])('refuses %s with 401 INVALID_DEVICE_AUTH', async (_case, command, lookups) => {
    const unit = lab();
    expect(await failureOf(new ReceiveDeviceDataUseCase(ownerAnswering([]).resolver).execute(command, unit)))
      .toEqual({ status: 401, code: 'INVALID_DEVICE_AUTH', message: 'Invalid device authentication' });
    expect(unit.contexts.lookups).toHaveLength(lookups);
    expect(unit.tables.dataEvents).toEqual([]);
  });

  it('refuses a value whose test name is not mapped on the device with 400 UNKNOWN_TEST_NAME', async () => {
    const unit = lab();
    const command = upload({ data: { values: [{ testName: 'hmg', value: 1 }, { testName: 'wbc', value: 2 }] } as DataPartialFromDeviceInput['data'] });
    expect(await failureOf(new ReceiveDeviceDataUseCase(ownerAnswering([]).resolver).execute(command, unit)))
      .toEqual({ status: 400, code: 'UNKNOWN_TEST_NAME', message: 'data.values.1.testName wbc is not mapped on this device' });
    expect(unit.tables.payloads.size).toBe(0);
  });

  it('asks the owner about a sample unknown here, keeps its answer and fills the reports it answers', async () => {
    const unit = lab([]);
    const owner = ownerAnswering([{ labReportId: 901, testId: 12, billId: 78 }]);
    const command = upload();
    const result = await new ReceiveDeviceDataUseCase(owner.resolver).execute(command, unit);
    expect(owner.asked).toEqual([{ labId: LAB, sampleId: SAMPLE, cause: command.cause }]);
    expect(result.filled).toEqual([{ labReportId: 901, testId: 12, index: 4 }, { labReportId: 901, testId: 12, index: 5 }]);
    expect(unit.tables.sampleReports).toEqual([{ labReportId: 901, testId: 12, billId: 78, labId: LAB, sampleId: SAMPLE }]);
    expect(unit.tables.dataEvents.map((e) => e.payload.labReportIds)).toEqual([[901]]);
  });

  it('asks the owner when none of the known reports is of a mapped test', async () => {
    const unit = lab([{ labReportId: 900, testId: 99, billId: 77 }]);
    const owner = ownerAnswering([{ labReportId: 902, testId: 12, billId: 77 }]);
    const result = await new ReceiveDeviceDataUseCase(owner.resolver).execute(upload(), unit);
    expect(owner.asked).toHaveLength(1);
    expect(result.filled.map((f) => f.labReportId)).toEqual([902, 902]);
  });

  it('answers 422 NOTHING_TO_FILL when the owner knows no mapped test of the sample either', async () => {
    const unit = lab([{ labReportId: 900, testId: 99, billId: 77 }]);
    expect(await failureOf(new ReceiveDeviceDataUseCase(ownerAnswering([{ labReportId: 900, testId: 99, billId: 77 }]).resolver).execute(upload(), unit)))
      .toEqual({ status: 422, code: 'NOTHING_TO_FILL', message: `No test of sample ${SAMPLE} is mapped on this device` });
    expect(unit.tables.payloads.size).toBe(0);
  });

  it('answers 404 Sample not found when the owner does not know the sample either, writing nothing', async () => {
    const unit = lab([]);
    const owner = ownerAnswering([]);
    expect(await failureOf(new ReceiveDeviceDataUseCase(owner.resolver).execute(upload(), unit)))
      .toEqual({ status: 404, code: 'SAMPLE_NOT_FOUND', message: 'Sample not found' });
    expect(owner.asked).toHaveLength(1);
    expect(unit.tables.payloads.size).toBe(0);
    expect(unit.tables.dataEvents).toEqual([]);
  });

  it('answers 503 to a duplicate whose stored response cannot be read, never a response with an unstored id', async () => {
    const unit = lab();
    const sut = new ReceiveDeviceDataUseCase(ownerAnswering([]).resolver);
    await sut.execute(upload(), unit);
    for (const claim of unit.tables.payloads.values()) (claim as { response: unknown }).response = null;
    expect(await failureOf(sut.execute(upload(), unit)))
      .toEqual({ status: 503, code: 'DUPLICATE_NOT_READABLE', message: 'Service temporarily unavailable, try again' });
    expect(unit.tables.dataEvents).toHaveLength(1);
  });
});
