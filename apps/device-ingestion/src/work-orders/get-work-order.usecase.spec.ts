import { DeviceWorkOrderInput, LabReportRerunContext, MessageContext, systemPrincipal, WorkOrderRerun } from '@labflow/contracts';
import { commandFor } from '@labflow/platform/handling';
import { hashDeviceAuth } from '../devices/device-auth';
import { DeviceIngestionTables, failureOf, inMemoryDeviceIngestionUnit, LAB, ownerAnswering } from '../in-memory-device-ingestion.fake';
import { SampleReport } from '../samples/sample.repository';
import { GetWorkOrderUseCase } from './get-work-order.usecase';
import { WorkOrderSourcesClient } from './work-order-sources.client';

const SAMPLE = '000114626';
const TOKEN = 'f94032be-5e1f-47fd-96a1-92a66c6014c3';
const CBC = { id: 1, labId: LAB, deviceId: 3, testId: 12, functionName: 'PartialFill', parameters: [{ testName: 'WBC', index: 1 }, { testName: 'HGB', index: 3 }, { testName: 'PLT', index: 5 }, { testName: 'MPV', index: 9 }] };

/** Device 3 of the lab (token TOKEN) mapping test 12 (CBC); the sample's reports known here. */
function lab(reports: SampleReport[]) {
  const t = new DeviceIngestionTables();
  t.devices.push({ id: 3, labId: LAB, name: 'Sysmex XN-1000', createdAt: new Date(), authHash: hashDeviceAuth(TOKEN), flagTable: {} });
  t.mappings.push(CBC);
  t.sampleReports.push(...reports.map((r) => ({ ...r, labId: LAB, sampleId: SAMPLE })));
  return inMemoryDeviceIngestionUnit(t);
}

/** A CBC report's format (parameters 1, 3, 5; 9 is mapped on the device but not in the format) and its current values. */
const format = (labReportId: number, values: { index: number; value: string }[] = []): LabReportRerunContext => ({
  labReportId, labId: LAB, sampleId: SAMPLE, testId: 12, sampleRedrawFlag: 0, patient: { gender: 'female', dateOfBirth: '1984-02-29' },
  parameters: [1, 3, 5].map((index) => ({
    index, name: `P${index}`, lower: null, upper: null, criticalLower: null, criticalUpper: null,
    autoRerunAllowed: false, autoRerunCondition: null, autoRerunLower: null, autoRerunUpper: null,
  })),
  ageRanges: [], values,
});

/** Reporting and rerun as the work order asks them: the formats and open reruns they hold, and what they were asked. */
function sources(formats: LabReportRerunContext[], reruns: Record<number, WorkOrderRerun> = {}) {
  const asked: string[] = [];
  const client = {
    async reportContexts(labId: number, ids: number[], _cause: MessageContext) {
      asked.push(`contexts ${labId}:${ids.join(',')}`);
      return new Map(formats.filter((f) => f.labId === labId && ids.includes(f.labReportId)).map((f) => [f.labReportId, f]));
    },
    async openReruns(labId: number, ids: number[], _cause: MessageContext) {
      asked.push(`reruns ${labId}:${ids.join(',')}`);
      return new Map(ids.filter((id) => reruns[id]).map((id) => [id, reruns[id]]));
    },
  };
  return { client: client as unknown as WorkOrderSourcesClient, asked };
}

const query = (over: Partial<DeviceWorkOrderInput> = {}) =>
  commandFor(systemPrincipal(over.labId ?? LAB), { labId: LAB, sampleId: SAMPLE, deviceAuth: TOKEN, ...over } as DeviceWorkOrderInput);

const param = (index: number, testName: string) => ({ index, testName, name: `P${index}` });
const MAPPED = [param(1, 'WBC'), param(3, 'HGB'), param(5, 'PLT')];

describe('GetWorkOrderUseCase (an analyzer host query)', () => {
  it('orders the mapped parameters still without a value, named as the format names them; an unmapped test\'s report is left out', async () => {
    const unit = lab([{ labReportId: 900, testId: 12, billId: 77 }, { labReportId: 901, testId: 40, billId: 77 }]);
    const src = sources([format(900, [{ index: 1, value: '7.1' }, { index: 3, value: '' }])]);
    const result = await new GetWorkOrderUseCase(ownerAnswering([]).resolver, src.client).execute(query(), unit);
    expect(result).toEqual({
      sampleId: SAMPLE, device: { id: 3, name: 'Sysmex XN-1000' }, sampleKnown: true,
      reports: [{ labReportId: 900, testId: 12, parameters: [param(3, 'HGB'), param(5, 'PLT')], mapped: MAPPED, rerun: null }],
    });
    expect(src.asked).toEqual([`contexts ${LAB}:900`, `reruns ${LAB}:900`]); // only the mapped report, in the device's lab
  });

  it('with a rerun open, orders only its requested parameters not yet received, even those that have a value', async () => {
    const unit = lab([{ labReportId: 900, testId: 12, billId: 77 }]);
    const rerun = { rerunNumber: 2, requestedParameters: [1, 3, 5], receivedParameters: [3] };
    const src = sources([format(900, [{ index: 1, value: '7.1' }, { index: 3, value: '13.2' }, { index: 5, value: '250' }])], { 900: rerun });
    const [order] = (await new GetWorkOrderUseCase(ownerAnswering([]).resolver, src.client).execute(query(), unit)).reports;
    expect(order).toEqual({ labReportId: 900, testId: 12, parameters: [param(1, 'WBC'), param(5, 'PLT')], mapped: MAPPED, rerun });
  });

  it('asks the owner for a sample not learned here, keeps its answer, and orders its reports', async () => {
    const unit = lab([]);
    const owner = ownerAnswering([{ labReportId: 950, testId: 12, billId: 80 }]);
    const result = await new GetWorkOrderUseCase(owner.resolver, sources([format(950)]).client).execute(query(), unit);
    expect(owner.asked).toEqual([{ labId: LAB, sampleId: SAMPLE, cause: expect.any(Object) }]);
    expect(unit.tables.sampleReports).toEqual([{ labReportId: 950, testId: 12, billId: 80, labId: LAB, sampleId: SAMPLE }]);
    expect(result.reports.map((r) => [r.labReportId, r.parameters.map((p) => p.index)])).toEqual([[950, [1, 3, 5]]]);
  });

  it('answers a sample the lab does not have sampleKnown:false with no reports, asking neither reporting nor rerun', async () => {
    const src = sources([]);
    const result = await new GetWorkOrderUseCase(ownerAnswering([]).resolver, src.client).execute(query(), lab([]));
    expect(result).toEqual({ sampleId: SAMPLE, device: { id: 3, name: 'Sysmex XN-1000' }, sampleKnown: false, reports: [] });
    expect(src.asked).toEqual([]);
  });

  it('answers a known sample with no test of this device sampleKnown:true and nothing to do', async () => {
    const src = sources([]);
    const result = await new GetWorkOrderUseCase(ownerAnswering([]).resolver, src.client).execute(query(), lab([{ labReportId: 901, testId: 40, billId: 77 }]));
    expect(result).toMatchObject({ sampleKnown: true, reports: [] });
    expect(src.asked).toEqual([]);
  });

  it.each([
    ['a token naming no device of the lab', query({ deviceAuth: 'a0000000-0000-4000-8000-000000000000' })],
    ['a token of the device for another lab', query({ labId: LAB + 1 })],
  ])('refuses %s with 401 INVALID_DEVICE_AUTH, asking no one', async (_case, command) => {
    const owner = ownerAnswering([{ labReportId: 950, testId: 12, billId: 80 }]);
    const src = sources([format(900)]);
    expect(await failureOf(new GetWorkOrderUseCase(owner.resolver, src.client).execute(command, lab([{ labReportId: 900, testId: 12, billId: 77 }]))))
      .toEqual({ status: 401, code: 'INVALID_DEVICE_AUTH', message: 'Invalid device authentication' });
    expect([owner.asked, src.asked]).toEqual([[], []]);
  });
});
