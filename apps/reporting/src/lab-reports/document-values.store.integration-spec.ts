import mongoose, { Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { DocumentValuesStore } from './document-values.store';

/** Against the real document store: values and device results are written per report and read back per value. */
describe('DocumentValuesStore (document store)', () => {
  let mongo: Connection;
  let store: DocumentValuesStore;
  const labId = 900_000 + Math.floor(Math.random() * 99_999);

  beforeAll(async () => {
    mongo = await mongoose.createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/labflow', { retryWrites: false }).asPromise();
    store = new DocumentValuesStore(mongo);
  });

  afterAll(async () => {
    await mongo.close();
  });

  it('keeps every value of an upload and reads them back one per value, in order', async () => {
    const resultId = randomUUID();
    const receivedAt = new Date('2026-05-25T08:00:00Z');
    const common = {
      labId, deviceId: 3, deviceName: 'XN', resultId, sampleId: 'S1', labReportId: 41, testId: 7, test_flags: ['Abnormal'],
      param_flag_interpretations: [], status: 'applied' as const, receivedAt,
    };
    await store.saveDeviceResults([
      { ...common, _id: '', index: 5, testName: 'rbc', value: 4.9, param_flags: [] },
      { ...common, _id: '', index: 4, testName: 'hgb', value: 6.4, param_flags: ['LL'] },
    ]);
    // a redelivery writes the same document again: nothing doubles
    await store.saveDeviceResults([{ ...common, _id: '', index: 4, testName: 'hgb', value: 6.4, param_flags: ['LL'] }, { ...common, _id: '', index: 5, testName: 'rbc', value: 4.9, param_flags: [] }]);
    const read = await store.deviceResults(labId, 3, new Date('2026-05-25T00:00:00Z'), new Date('2026-05-26T00:00:00Z'));
    expect(read.map((r) => [r._id, r.index, r.value, r.param_flags, r.test_flags])).toEqual([
      [`${resultId}:41:4`, 4, 6.4, ['LL'], ['Abnormal']],
      [`${resultId}:41:5`, 5, 4.9, [], ['Abnormal']],
    ]);
    expect(await store.deviceResults(labId + 1, 3, new Date(0), new Date())).toEqual([]); // another lab sees nothing
  });

  it('keeps a report\'s values in one document: a partial update sets its indexes and keeps the others', async () => {
    const labReportId = 700_000_000 + Math.floor(Math.random() * 99_999_999);
    const value = (index: number, v: number | string, flags: string[] = []) => ({
      labId, labReportId, index, value: v, test_flags: flags, param_flags: [], param_flag_interpretations: [], device_id: 3,
      device_name: 'XN', device_extra_data: {}, resultId: 'r1', updatedAt: new Date('2026-05-25T08:00:00Z'),
    });
    await store.saveValues([value(5, 4.9), value(4, 13.1, ['T1'])]);
    await store.saveValues([value(4, 14.2), value(6, 'see note')]);
    const read = await store.valuesOf(labId, [labReportId, labReportId]);
    expect(read.map((v) => [v.labReportId, v.index, v.value, v.test_flags])).toEqual([
      [labReportId, 4, 14.2, []], [labReportId, 5, 4.9, []], [labReportId, 6, 'see note', []],
    ]);
    expect(await mongo.db!.collection('report_value_sets').countDocuments({ labReportId })).toBe(1);
    expect(await store.valuesOf(labId + 1, [labReportId])).toEqual([]); // another lab sees nothing
  });

  it('validates what it writes against the schemas: a malformed value or device result is refused, nothing stored', async () => {
    const labReportId = 700_000_000 + Math.floor(Math.random() * 99_999_999);
    const value = {
      labId, labReportId, index: 4, value: 13.1 as number | string, test_flags: [], param_flags: [], param_flag_interpretations: [],
      device_id: 3, device_name: 'XN', device_extra_data: {}, resultId: 'r1', updatedAt: new Date(),
    };
    await expect(store.saveValues([{ ...value, value: { nested: 1 } as never }])).rejects.toThrow(/Validator failed for path `value`/);
    await expect(store.saveValues([{ ...value, updatedAt: 'yesterday' as never }])).rejects.toThrow(/Cast to date failed/);
    expect(await store.valuesOf(labId, [labReportId])).toEqual([]);

    const result = {
      labId, deviceId: 9, deviceName: 'XN', resultId: randomUUID(), sampleId: 'S9', labReportId, testId: 7, test_flags: [],
      param_flag_interpretations: [], status: 'applied' as const, receivedAt: new Date(), _id: '', index: 4, testName: 'hgb', value: 6.4, param_flags: [],
    };
    await expect(store.saveDeviceResults([{ ...result, status: 'maybe' as never }])).rejects.toThrow(/`maybe` is not a valid enum value for path `status`/);
    expect(await store.deviceResults(labId, 9, new Date(0), new Date())).toEqual([]);
  });
});
