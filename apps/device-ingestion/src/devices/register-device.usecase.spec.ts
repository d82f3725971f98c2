import { DataSource, EntityManager } from 'typeorm';
import { CommandRequest, MessageContext, newEnvelope, systemPrincipal, TopicSpec } from '@labflow/contracts';
import { DomainException, KafkaMessageContext, PgInbox, PgOutbox } from '@labflow/platform/kafka';
import { hashDeviceAuth } from './device-auth';
import { DeviceEntity } from './device.entity';
import { DeviceRepository } from './device.repository';
import { RegisterDeviceUseCase } from './register-device.usecase';

const LAB = 41;
const CONSUMER = 'device.register';
const REGISTERED_AT = new Date('2026-01-02T03:04:05.000Z');

/** A manager that is only passed around: every write of the use case goes through the fakes below. */
const manager = { fake: 'manager' } as unknown as EntityManager;

function fakes() {
  const dataSource = { transactions: 0, transaction: async <T>(fn: (m: EntityManager) => Promise<T>) => { dataSource.transactions += 1; return fn(manager); } };
  const inserted: { manager: EntityManager; device: Pick<DeviceEntity, 'labId' | 'name' | 'authHash'> }[] = [];
  const devices = {
    insert: async (m: EntityManager, device: Pick<DeviceEntity, 'labId' | 'name' | 'authHash'>): Promise<DeviceEntity> => {
      inserted.push({ manager: m, device });
      return Object.assign(new DeviceEntity(), { id: 7, createdAt: REGISTERED_AT, ...device });
    },
  };
  const events: { manager: EntityManager; topic: string; payload: unknown; cause: MessageContext }[] = [];
  const outbox = {
    add: async (m: EntityManager, topic: TopicSpec<object>, payload: unknown, cause: MessageContext) => { events.push({ manager: m, topic: topic.name, payload, cause }); },
  };
  const claimed = new Set<string>();
  const responses = new Map<string, unknown>();
  const claims: string[] = [];
  const saved: { consumer: string; id: string; response: unknown }[] = [];
  const inbox = {
    claim: async (_m: EntityManager, consumer: string, id: string) => {
      claims.push(`${consumer}:${id}`);
      if (claimed.has(`${consumer}:${id}`)) return false;
      claimed.add(`${consumer}:${id}`);
      return true;
    },
    storedResponse: async (_m: EntityManager, consumer: string, id: string) => responses.get(`${consumer}:${id}`) ?? null,
    saveResponse: async (_m: EntityManager, consumer: string, id: string, response: unknown) => {
      saved.push({ consumer, id, response });
      responses.set(`${consumer}:${id}`, response);
    },
  };
  const useCase = new RegisterDeviceUseCase(
    dataSource as unknown as DataSource, devices as unknown as DeviceRepository, outbox as unknown as PgOutbox, inbox as unknown as PgInbox,
  );
  return { useCase, dataSource, inserted, events, claimed, responses, claims, saved };
}

function commandContext(): KafkaMessageContext {
  const envelope = newEnvelope('device.register', 1, {}, { labId: LAB, correlationId: 'req-1', causationId: null });
  return new KafkaMessageContext(envelope, 'device-ingestion.commands', 0, '0', 1, 'group');
}

const request = (input: unknown, principal = systemPrincipal(LAB)): CommandRequest => ({ principal, input });
const failureOf = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a DomainException'); }, (e: unknown) => e);

describe('RegisterDeviceUseCase', () => {
  it('stores the device in the caller\'s lab with only the token\'s hash, writes device.registered and shows the token once', async () => {
    const f = fakes();
    const ctx = commandContext();
    const result = await f.useCase.execute(request({ name: 'Sysmex XN-1000' }), ctx);

    expect(result).toEqual({ id: 7, name: 'Sysmex XN-1000', lab: LAB, deviceAuth: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const { deviceAuth } = result as { deviceAuth: string };
    expect(f.inserted).toEqual([{ manager, device: { labId: LAB, name: 'Sysmex XN-1000', authHash: hashDeviceAuth(deviceAuth) } }]);
    expect(JSON.stringify(f.inserted)).not.toContain(deviceAuth);
    expect(f.claims).toEqual([`${CONSUMER}:${ctx.envelope.id}`]);
    expect(f.events).toEqual([{
      manager, topic: 'device.registered',
      payload: { deviceId: 7, labId: LAB, name: 'Sysmex XN-1000', registeredAt: REGISTERED_AT.toISOString() },
      cause: { labId: LAB, correlationId: 'req-1', causationId: ctx.envelope.id },
    }]);
    // The stored reply (for a repeat) never holds the token in clear.
    expect(f.saved).toEqual([{ consumer: CONSUMER, id: ctx.envelope.id, response: { id: 7, name: 'Sysmex XN-1000', lab: LAB, deviceAuth: '(shown once)' } }]);
  });

  it('accepts a lab that is the caller\'s own', async () => {
    const f = fakes();
    await expect(f.useCase.execute(request({ name: 'Cobas', lab: LAB }), commandContext())).resolves.toMatchObject({ id: 7, lab: LAB });
    expect(f.inserted.map((i) => i.device.labId)).toEqual([LAB]);
  });

  it('refuses to register for another lab with 403 LAB_MISMATCH, before claiming or writing anything', async () => {
    const f = fakes();
    const error = await failureOf(f.useCase.execute(request({ name: 'Cobas', lab: LAB + 1 }), commandContext()));
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toMatchObject({ status: 403, code: 'LAB_MISMATCH', message: 'A device can only be registered for your own lab' });
    expect(f.dataSource.transactions).toBe(0);
    expect(f.claims).toEqual([]);
    expect(f.inserted).toEqual([]);
    expect(f.events).toEqual([]);
  });

  it('answers a repeated command with the stored reply, without storing a device or writing an event', async () => {
    const f = fakes();
    const ctx = commandContext();
    const stored = { id: 7, name: 'Sysmex XN-1000', lab: LAB, deviceAuth: '(shown once)' };
    f.claimed.add(`${CONSUMER}:${ctx.envelope.id}`);
    f.responses.set(`${CONSUMER}:${ctx.envelope.id}`, stored);

    expect(await f.useCase.execute(request({ name: 'Sysmex XN-1000' }), ctx)).toEqual(stored);
    expect(f.claims).toEqual([`${CONSUMER}:${ctx.envelope.id}`]);
    expect(f.inserted).toEqual([]);
    expect(f.events).toEqual([]);
    expect(f.saved).toEqual([]);
  });

  it('answers duplicate:true to a repeat whose reply was not stored', async () => {
    const f = fakes();
    const ctx = commandContext();
    f.claimed.add(`${CONSUMER}:${ctx.envelope.id}`);
    expect(await f.useCase.execute(request({ name: 'Sysmex XN-1000' }), ctx)).toEqual({ duplicate: true });
    expect(f.inserted).toEqual([]);
    expect(f.events).toEqual([]);
  });

  it.each([
    ['without a principal', { principal: null, input: { name: 'Cobas' } }, 401, 'INVALID_TOKEN'],
    ['with an empty name', request({ name: '' }), 400, 'VALIDATION_FAILED'],
  ])('refuses a command %s and writes nothing', async (_case, command, status, code) => {
    const f = fakes();
    expect(await failureOf(f.useCase.execute(command as CommandRequest, commandContext()))).toMatchObject({ status, code });
    expect(f.inserted).toEqual([]);
    expect(f.events).toEqual([]);
  });
});
