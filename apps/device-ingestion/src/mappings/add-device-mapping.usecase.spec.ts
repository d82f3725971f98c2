import { DataSource, EntityManager } from 'typeorm';
import { CommandRequest, newEnvelope, Principal, systemPrincipal } from '@labflow/contracts';
import { DomainException, KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { ReportingTestsClient } from '@labflow/platform/service';
import { DeviceRepository } from '../devices/device.repository';
import { AddDeviceMappingUseCase } from './add-device-mapping.usecase';
import { StoredMapping } from './mapping-functions';
import { MappingRepository } from './mapping.repository';

const LAB = 41;
const CONSUMER = 'device.mapping.add';

/** The manager of the one transaction (the fake DataSource's own manager is another object). */
const txManager = { fake: 'transaction' } as unknown as EntityManager;
const plainManager = { fake: 'plain' } as unknown as EntityManager;

function fakes(opts: { device?: boolean; testIndexes?: number[]; flagTable?: Record<string, string> } = {}) {
  const dataSource = { manager: plainManager, transaction: async <T>(fn: (m: EntityManager) => Promise<T>) => fn(txManager) };
  const deviceLookups: { labId: number; id: number }[] = [];
  const devices = {
    findById: async (labId: number, id: number) => { deviceLookups.push({ labId, id }); return opts.device === false ? null : { id, labId, name: 'XN' }; },
  };
  const upserts: { manager: EntityManager; mapping: Omit<StoredMapping, 'id'> }[] = [];
  const flagTables: { manager: EntityManager; labId: number; deviceId: number; table: Record<string, string> }[] = [];
  let table = opts.flagTable ?? {};
  const mappings = {
    upsert: async (manager: EntityManager, mapping: Omit<StoredMapping, 'id'>) => { upserts.push({ manager, mapping }); return { id: 31, ...mapping }; },
    setFlagTable: async (manager: EntityManager, labId: number, deviceId: number, t: Record<string, string>) => { flagTables.push({ manager, labId, deviceId, table: t }); table = t; },
    flagTable: async () => table,
  };
  const askedReporting: { principal: Principal; testId: number; cause: KafkaMessageContext }[] = [];
  const reportingTests = {
    parameterIndexesOf: async (principal: Principal, testId: number, cause: KafkaMessageContext) => { askedReporting.push({ principal, testId, cause }); return opts.testIndexes ?? [4, 5, 6]; },
  };
  const claimed = new Set<string>();
  const responses = new Map<string, unknown>();
  const claims: { manager: EntityManager; key: string }[] = [];
  const saved: { manager: EntityManager; key: string; response: unknown }[] = [];
  const inbox = {
    claim: async (manager: EntityManager, consumer: string, id: string) => {
      claims.push({ manager, key: `${consumer}:${id}` });
      if (claimed.has(`${consumer}:${id}`)) return false;
      claimed.add(`${consumer}:${id}`);
      return true;
    },
    storedResponse: async (_m: EntityManager, consumer: string, id: string) => responses.get(`${consumer}:${id}`) ?? null,
    saveResponse: async (manager: EntityManager, consumer: string, id: string, response: unknown) => {
      saved.push({ manager, key: `${consumer}:${id}`, response });
      responses.set(`${consumer}:${id}`, response);
    },
  };
  const useCase = new AddDeviceMappingUseCase(
    dataSource as unknown as DataSource, devices as unknown as DeviceRepository, mappings as unknown as MappingRepository,
    reportingTests as unknown as ReportingTestsClient, inbox as unknown as PgInbox,
  );
  return { useCase, deviceLookups, upserts, flagTables, askedReporting, claimed, responses, claims, saved };
}

function commandContext(): KafkaMessageContext {
  const envelope = newEnvelope('device.mapping.add', 1, {}, { labId: LAB, correlationId: 'req-1', causationId: null });
  return new KafkaMessageContext(envelope, 'device-ingestion.commands', 0, '0', 1, 'group');
}

const principal = systemPrincipal(LAB);
const mappingCommand = (over: Record<string, unknown> = {}): CommandRequest => ({
  principal,
  input: { deviceId: 3, testId: 12, functionName: 'PartialFill', parameters: [{ testName: 'hmg', index: 4 }, { testName: 'rbc', index: 5 }], ...over },
});
const failureOf = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a DomainException'); }, (e: unknown) => e);

describe('AddDeviceMappingUseCase', () => {
  it('checks the test with reporting, stores the mapping and flag table in the caller\'s lab and remembers the reply', async () => {
    const f = fakes();
    const ctx = commandContext();
    const result = await f.useCase.execute(mappingCommand({ flagInterpretations: { 'H~N': 'H' } }), ctx);

    const parameters = [{ testName: 'hmg', index: 4 }, { testName: 'rbc', index: 5 }];
    expect(result).toEqual({ id: 31, deviceId: 3, testId: 12, functionName: 'PartialFill', parameters, flagInterpretations: { 'H~N': 'H' } });
    expect(f.deviceLookups).toEqual([{ labId: LAB, id: 3 }]);
    expect(f.askedReporting).toEqual([{ principal, testId: 12, cause: ctx }]);
    expect(f.claims).toEqual([{ manager: txManager, key: `${CONSUMER}:${ctx.envelope.id}` }]);
    expect(f.upserts).toEqual([{ manager: txManager, mapping: { labId: LAB, deviceId: 3, testId: 12, functionName: 'PartialFill', parameters } }]);
    expect(f.flagTables).toEqual([{ manager: txManager, labId: LAB, deviceId: 3, table: { 'H~N': 'H' } }]);
    expect(f.saved).toEqual([{ manager: txManager, key: `${CONSUMER}:${ctx.envelope.id}`, response: result }]);
  });

  it('keeps the device\'s flag table when the mapping gives none, and answers with it', async () => {
    const f = fakes({ flagTable: { A: 'A' } });
    const result = await f.useCase.execute(mappingCommand(), commandContext());
    expect(f.flagTables).toEqual([]);
    expect(result.flagInterpretations).toEqual({ A: 'A' });
  });

  it.each([
    ['an unknown mapping function', { functionName: 'Eval' }, 'UNKNOWN_MAPPING_FUNCTION', 'Unknown mapping function Eval (known: PartialFill)'],
    ['a repeated analyzer code', { parameters: [{ testName: 'hmg', index: 4 }, { testName: 'hmg', index: 5 }] }, 'VALIDATION_FAILED', 'parameters.1.testName hmg is repeated'],
    ['a flag that is not an HL7 code', { flagInterpretations: { 'H~N': 'HIGH' } }, 'VALIDATION_FAILED', 'flagInterpretations.H~N must be an HL7 Table 0078 code'],
  ])('refuses %s with 400 before looking up the device or asking reporting', async (_case, over, code, message) => {
    const f = fakes();
    const error = await failureOf(f.useCase.execute(mappingCommand(over), commandContext()));
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toMatchObject({ status: 400, code, message });
    expect(f.deviceLookups).toEqual([]);
    expect(f.askedReporting).toEqual([]);
    expect(f.upserts).toEqual([]);
  });

  it('answers 404 DEVICE_NOT_FOUND for a device not in the caller\'s lab, without asking reporting', async () => {
    const f = fakes({ device: false });
    const error = await failureOf(f.useCase.execute(mappingCommand(), commandContext()));
    expect(error).toMatchObject({ status: 404, code: 'DEVICE_NOT_FOUND', message: 'Device not found' });
    expect(f.deviceLookups).toEqual([{ labId: LAB, id: 3 }]);
    expect(f.askedReporting).toEqual([]);
    expect(f.claims).toEqual([]);
  });

  it('refuses an index that is not a parameter of the test with 400 UNKNOWN_TEST_PARAMETER, storing nothing', async () => {
    const f = fakes({ testIndexes: [4, 6] });
    const error = await failureOf(f.useCase.execute(mappingCommand(), commandContext()));
    expect(error).toMatchObject({ status: 400, code: 'UNKNOWN_TEST_PARAMETER', message: 'parameters.1.index 5 is not a parameter of this test' });
    expect(f.claims).toEqual([]);
    expect(f.upserts).toEqual([]);
    expect(f.saved).toEqual([]);
  });

  it('answers a retry of an applied mapping with the stored reply, without asking reporting or writing', async () => {
    const f = fakes();
    const ctx = commandContext();
    const stored = { id: 31, deviceId: 3, testId: 12, functionName: 'PartialFill', parameters: [], flagInterpretations: {} };
    f.claimed.add(`${CONSUMER}:${ctx.envelope.id}`);
    f.responses.set(`${CONSUMER}:${ctx.envelope.id}`, stored);
    expect(await f.useCase.execute(mappingCommand(), ctx)).toEqual(stored);
    expect(f.askedReporting).toEqual([]);
    expect(f.claims).toEqual([]);
    expect(f.upserts).toEqual([]);
    expect(f.saved).toEqual([]);
  });
});
