import { Admin, Kafka } from 'kafkajs';
import { SharedKafkaAdmin, sharedAdminOf } from './shared-admin';

/** A kafkajs client stand-in counting the admins made, connected and disconnected. */
function fakeKafka(options: { failConnects?: number } = {}) {
  const made: { connected: boolean; disconnected: boolean }[] = [];
  let failConnects = options.failConnects ?? 0;
  const kafka = {
    admin: () => {
      const state = { connected: false, disconnected: false };
      made.push(state);
      return {
        connect: async () => {
          if (failConnects-- > 0) throw new Error('broker unreachable');
          state.connected = true;
        },
        disconnect: async () => {
          state.disconnected = true;
        },
      } as unknown as Admin;
    },
  } as unknown as Kafka;
  return { kafka, made };
}

describe('SharedKafkaAdmin', () => {
  it('connects one admin for every caller, concurrent ones included', async () => {
    const { kafka, made } = fakeKafka();
    const sut = new SharedKafkaAdmin(kafka);
    const used = await Promise.all([1, 2, 3].map((n) => sut.use(async (admin) => ({ n, admin }))));
    await sut.use(async () => undefined);
    expect(made).toHaveLength(1);
    expect(new Set(used.map((u) => u.admin)).size).toBe(1);
  });

  it('starts a fresh admin after a failed call or a failed connect', async () => {
    const { kafka, made } = fakeKafka({ failConnects: 1 });
    const sut = new SharedKafkaAdmin(kafka);
    await expect(sut.use(async () => 'x')).rejects.toThrow('broker unreachable');
    await expect(sut.use(async () => 'ok')).resolves.toBe('ok');
    await expect(sut.use(async () => { throw new Error('coordinator not available'); })).rejects.toThrow('coordinator');
    await sut.use(async () => undefined);
    expect(made).toHaveLength(3);
    expect(made[1].disconnected).toBe(true);
    await sut.close();
    expect(made[2].disconnected).toBe(true);
  });

  it('is one per kafkajs client', () => {
    const a = fakeKafka().kafka;
    expect(sharedAdminOf(a)).toBe(sharedAdminOf(a));
    expect(sharedAdminOf(a)).not.toBe(sharedAdminOf(fakeKafka().kafka));
  });
});
