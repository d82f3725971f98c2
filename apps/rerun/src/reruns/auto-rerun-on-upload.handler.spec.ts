import { DeviceDataReceived, newEnvelope, TOPICS } from '@labflow/contracts';
import { KafkaBatchContext, KafkaMessageContext } from '@labflow/platform/kafka';
import { cbcReport, LAB, REPORT, rerunStores } from '../in-memory-rerun.fake';
import { AutoRerunCheckUseCase } from './auto-rerun-check.usecase';
import { AutoRerunOnUploadHandler } from './auto-rerun-on-upload.handler';

const OTHER = REPORT + 1;
const value = (labReportId: number, index: number, v: number) => ({
  labReportId, testId: 9, index, testName: `t${index}`, value: String(v), numericValue: v, paramFlags: [], interpretation: [],
});
function upload(values: ReturnType<typeof value>[], labId = LAB): DeviceDataReceived {
  return {
    resultId: 'r', labId, sampleId: 'S', deviceId: 1, deviceName: 'Sysmex', labReportIds: [...new Set(values.map((v) => v.labReportId))],
    testFlags: [], values, receivedAt: '2026-06-01T10:00:00Z',
  };
}
const batchOf = (events: DeviceDataReceived[]) => new KafkaBatchContext(events.map((e) => new KafkaMessageContext(
  newEnvelope(TOPICS.deviceDataReceived.name, 1, e, { labId: e.labId, correlationId: 'c', causationId: null }), TOPICS.deviceDataReceived.name, 0, '1', 1, 'g',
)));

describe('AutoRerunOnUploadHandler (device.data.received, seed 000 §6)', () => {
  it('asks one context query per lab for a batch of uploads, then decides each report once', async () => {
    const stores = rerunStores();
    stores.reporting.reports.set(`${LAB}:${OTHER}`, cbcReport({ labReportId: OTHER }));
    const sut = new AutoRerunOnUploadHandler(stores.units(), new AutoRerunCheckUseCase());
    const events = [upload([value(REPORT, 1, 25)]), upload([value(OTHER, 1, 7)]), upload([value(REPORT, 5, 20)])];
    const batch = batchOf(events);
    await sut.onDeviceData(events, batch);
    expect(stores.reporting.asked).toEqual([`contexts ${LAB}:${REPORT},${OTHER}`]);
    expect(stores.lifecycles.find(LAB, REPORT)?.requests.map((r) => r.requestedParameters)).toEqual([[1]]);
    expect(stores.lifecycles.find(LAB, OTHER)).toBeNull();
    expect(stores.published.filter((e) => e.topic === 'rerun.requested')).toHaveLength(1);
    // the batch again (a redelivery): nothing more is written
    await sut.onDeviceData(events, batch);
    expect(stores.published.filter((e) => e.topic === 'rerun.requested')).toHaveLength(1);
    expect(stores.lifecycles.find(LAB, REPORT)?.version).toBe(1);
  });

  it('acknowledges an upload naming a report reporting does not know (a decision, 404), and still decides the others', async () => {
    const stores = rerunStores();
    const sut = new AutoRerunOnUploadHandler(stores.units(), new AutoRerunCheckUseCase());
    const events = [upload([value(OTHER, 1, 30)]), upload([value(REPORT, 1, 30)])];
    await expect(sut.onDeviceData(events, batchOf(events))).resolves.toBeUndefined();
    expect(stores.lifecycles.find(LAB, OTHER)).toBeNull();
    expect(stores.lifecycles.find(LAB, REPORT)?.autoRerunQueued).toBe(true);
  });

  it('fails the batch (to be retried) when a save fails for the store', async () => {
    const stores = rerunStores();
    stores.lifecycles.failNextWrite = new Error('connection refused');
    const sut = new AutoRerunOnUploadHandler(stores.units(), new AutoRerunCheckUseCase());
    const events = [upload([value(REPORT, 1, 30)])];
    await expect(sut.onDeviceData(events, batchOf(events))).rejects.toThrow('connection refused');
  });
});
