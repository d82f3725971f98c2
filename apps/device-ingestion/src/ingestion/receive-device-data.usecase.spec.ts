import { DataSource } from 'typeorm';
import { CommandRequest, DataPartialFromDeviceResult, MessageContext, newEnvelope, TopicSpec } from '@labflow/contracts';
import { DomainException, GuardStatement, KafkaMessageContext, PgOutbox } from '@labflow/platform/kafka';
import { hashDeviceAuth } from '../devices/device-auth';
import { SampleReport } from '../samples/sample.repository';
import { SampleReportsResolver } from '../samples/sample-reports.resolver';
import { DevicePayloadRepository, PayloadClaim } from './device-payload.repository';
import { IngestionContext, IngestionContextQuery } from './ingestion-context.query';
import { ReceiveDeviceDataUseCase } from './receive-device-data.usecase';

const LAB = 11957;
const SAMPLE = '000114626';
const TOKEN = 'f94032be-5e1f-47fd-96a1-92a66c6014c3';
const DEVICE = { id: 3, labId: LAB, name: 'Sysmex XN-1000' };
const MAPPING = { id: 1, labId: LAB, deviceId: 3, testId: 12, functionName: 'PartialFill', parameters: [{ testName: 'hmg', index: 4 }, { testName: 'rbc', index: 5 }] };
const REPORTS: SampleReport[] = [{ labReportId: 900, testId: 12, billId: 77 }];

function fakes(opts: { context?: IngestionContext | null; ownerReports?: SampleReport[] } = {}) {
  const dataSource = { query: async () => { throw new Error('the use case must not query the data source itself'); } };
  const lookups: { authHash: string; labId: number; sampleId: string }[] = [];
  const context = opts.context === undefined ? { device: DEVICE, mappings: [MAPPING], flagTable: { 'H~N': 'H' }, reports: REPORTS } : opts.context;
  const contexts = { forUpload: async (authHash: string, labId: number, sampleId: string) => { lookups.push({ authHash, labId, sampleId }); return context; } };
  // The payloads table: a key is stored once, with the response given then.
  const stored = new Map<string, PayloadClaim>();
  const payloads = {
    claimStatement: (p: PayloadClaim): GuardStatement => ({ sql: 'INSERT payload', params: [p] }),
    response: async (key: string) => stored.get(key)?.response ?? null,
  };
  const guarded: { runner: unknown; claim: PayloadClaim; topic: string; events: { payload: unknown; cause: MessageContext }[] }[] = [];
  const outbox = {
    addGuarded: async (runner: unknown, guard: GuardStatement, topic: TopicSpec<object>, events: { payload: unknown; cause: MessageContext }[]) => {
      const claim = guard.params[0] as PayloadClaim;
      if (stored.has(claim.key)) return { rows: [], envelopes: [] };
      stored.set(claim.key, claim);
      guarded.push({ runner, claim, topic: topic.name, events });
      return { rows: [{ result_id: claim.resultId }], envelopes: [] };
    },
  };
  const asked: { labId: number; sampleId: string; cause: KafkaMessageContext }[] = [];
  const sampleReports = {
    fromOwner: async (labId: number, sampleId: string, cause: KafkaMessageContext) => { asked.push({ labId, sampleId, cause }); return opts.ownerReports ?? []; },
  };
  const useCase = new ReceiveDeviceDataUseCase(
    dataSource as unknown as DataSource, contexts as unknown as IngestionContextQuery, payloads as unknown as DevicePayloadRepository,
    outbox as unknown as PgOutbox, sampleReports as unknown as SampleReportsResolver,
  );
  return { useCase, dataSource, lookups, stored, guarded, asked };
}

function uploadContext(): KafkaMessageContext {
  const envelope = newEnvelope('device.data.partial', 1, {}, { labId: null, correlationId: 'req-9', causationId: null });
  return new KafkaMessageContext(envelope, 'device-ingestion.commands', 0, '0', 1, 'group');
}

const upload = (over: Record<string, unknown> = {}): CommandRequest => ({
  principal: null,
  input: {
    labId: LAB, sampleId: SAMPLE, deviceAuth: TOKEN, test_flags: ['FLAG1'],
    data: { values: [{ testName: 'hmg', value: 110.12, param_flags: ['H~N'] }, { testName: 'rbc', value: 'pos' }] },
    ...over,
  },
});
const failureOf = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a DomainException'); }, (e: unknown) => e);

describe('ReceiveDeviceDataUseCase', () => {
  it('accepts an upload: stores the payload without the token and writes one device.data.received through addGuarded', async () => {
    const f = fakes();
    const ctx = uploadContext();
    const result = await f.useCase.execute(upload(), ctx);

    expect(f.lookups).toEqual([{ authHash: hashDeviceAuth(TOKEN), labId: LAB, sampleId: SAMPLE }]);
    expect(result).toEqual({
      message: 'Data received', resultId: expect.any(String), sampleId: SAMPLE, duplicate: false,
      filled: [{ labReportId: 900, testId: 12, index: 4 }, { labReportId: 900, testId: 12, index: 5 }],
    });
    expect(f.guarded).toHaveLength(1);
    const [{ runner, claim, topic, events }] = f.guarded;
    expect(runner).toBe(f.dataSource);
    expect(topic).toBe('device.data.received');
    expect(claim).toMatchObject({ resultId: result.resultId, labId: LAB, deviceId: 3, sampleId: SAMPLE, response: result });
    expect(claim.payload).not.toHaveProperty('deviceAuth');
    expect(JSON.stringify(claim)).not.toContain(TOKEN);
    expect(events).toEqual([{
      payload: {
        resultId: result.resultId, labId: LAB, sampleId: SAMPLE, deviceId: 3, deviceName: 'Sysmex XN-1000',
        labReportIds: [900], testFlags: ['FLAG1'], deviceExtraData: undefined, receivedAt: expect.any(String),
        values: [
          { labReportId: 900, testId: 12, index: 4, testName: 'hmg', value: '110.12', numericValue: 110.12, paramFlags: ['H~N'], interpretation: ['H'] },
          { labReportId: 900, testId: 12, index: 5, testName: 'rbc', value: 'pos', numericValue: undefined, paramFlags: [], interpretation: [] },
        ],
      },
      cause: { labId: LAB, correlationId: 'req-9', causationId: ctx.envelope.id },
      trace: expect.any(Object),
    }]);
    expect(f.asked).toEqual([]);
  });

  it('answers a repeated upload duplicate:true with the stored response, writing no second event', async () => {
    const f = fakes();
    const first = await f.useCase.execute(upload(), uploadContext());
    const again = await f.useCase.execute(upload(), uploadContext());
    expect(again).toEqual({ ...first, duplicate: true });
    expect(f.guarded).toHaveLength(1);
  });

  it.each([
    ['a token naming no device of the lab', upload(), 1],
    ['no token at all', upload({ deviceAuth: undefined }), 0],
  ])('refuses %s with 401 INVALID_DEVICE_AUTH', async (_case, command, lookups) => {
    const f = fakes({ context: null });
    const error = await failureOf(f.useCase.execute(command, uploadContext()));
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toMatchObject({ status: 401, code: 'INVALID_DEVICE_AUTH', message: 'Invalid device authentication' });
    expect(f.lookups).toHaveLength(lookups);
    expect(f.guarded).toEqual([]);
  });

  it('refuses a value whose test name is not mapped on the device with 400 UNKNOWN_TEST_NAME', async () => {
    const f = fakes();
    const command = upload({ data: { values: [{ testName: 'hmg', value: 1 }, { testName: 'wbc', value: 2 }] } });
    const error = await failureOf(f.useCase.execute(command, uploadContext()));
    expect(error).toMatchObject({ status: 400, code: 'UNKNOWN_TEST_NAME', message: 'data.values.1.testName wbc is not mapped on this device' });
    expect(f.guarded).toEqual([]);
  });

  it('asks the owner about a sample unknown here, and fills the reports it answers', async () => {
    const f = fakes({ context: { device: DEVICE, mappings: [MAPPING], flagTable: {}, reports: [] }, ownerReports: [{ labReportId: 901, testId: 12, billId: 78 }] });
    const ctx = uploadContext();
    const result = await f.useCase.execute(upload(), ctx);
    expect(f.asked).toEqual([{ labId: LAB, sampleId: SAMPLE, cause: ctx }]);
    expect(result.filled).toEqual([{ labReportId: 901, testId: 12, index: 4 }, { labReportId: 901, testId: 12, index: 5 }]);
    expect(f.guarded.map((g) => (g.events[0].payload as { labReportIds: number[] }).labReportIds)).toEqual([[901]]);
  });

  it('answers 404 Sample not found when the owner does not know the sample either, writing nothing', async () => {
    const f = fakes({ context: { device: DEVICE, mappings: [MAPPING], flagTable: {}, reports: [] }, ownerReports: [] });
    const error = await failureOf(f.useCase.execute(upload(), uploadContext()));
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toMatchObject({ status: 404, code: 'SAMPLE_NOT_FOUND', message: 'Sample not found' });
    expect(f.asked).toHaveLength(1);
    expect(f.guarded).toEqual([]);
    expect(f.stored.size).toBe(0);
  });

  it('answers 503 to a duplicate whose stored response cannot be read, never a response with an unstored id', async () => {
    const f = fakes();
    await f.useCase.execute(upload(), uploadContext());
    for (const claim of f.stored.values()) (claim as { response: DataPartialFromDeviceResult | null }).response = null;
    const error = await failureOf(f.useCase.execute(upload(), uploadContext()));
    expect(error).toMatchObject({ status: 503, code: 'DUPLICATE_NOT_READABLE' });
    expect(f.guarded).toHaveLength(1);
  });
});
