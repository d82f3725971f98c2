import { randomUUID } from 'node:crypto';
import { AppliedEvents } from './applied-events';
import { ConsistencyGate } from './consistency-gate';

/** An inbox whose ids become applied when the test says so, counting the queries made. */
class FakeInbox implements AppliedEvents {
  readonly applied_ = new Set<string>();
  queries = 0;

  async applied(ids: string[]): Promise<Set<string>> {
    this.queries++;
    return new Set(ids.filter((id) => this.applied_.has(id)));
  }
}

const gateOver = (inbox: FakeInbox | null, boundMs = 300) =>
  new ConsistencyGate({ applied: inbox, consumedTopics: new Set(['device.data.received']), boundMs });

describe('ConsistencyGate', () => {
  it('makes no query when nothing awaited is of a topic this app consumes', async () => {
    const inbox = new FakeInbox();
    const gate = gateOver(inbox);
    await expect(gate.pass(undefined)).resolves.toEqual({ stale: false });
    await expect(gate.pass([])).resolves.toEqual({ stale: false });
    await expect(gate.pass([{ topic: 'activity.logged', id: randomUUID() }])).resolves.toEqual({ stale: false });
    expect(inbox.queries).toBe(0);
  });

  it('passes at once when the awaited event is already applied', async () => {
    const inbox = new FakeInbox();
    const id = randomUUID();
    inbox.applied_.add(id);
    await expect(gateOver(inbox).pass([{ topic: 'device.data.received', id }])).resolves.toEqual({ stale: false, waitedMs: expect.any(Number) });
    expect(inbox.queries).toBe(1);
  });

  it('waits until the event is applied, then passes fresh', async () => {
    const inbox = new FakeInbox();
    const id = randomUUID();
    setTimeout(() => inbox.applied_.add(id), 40);
    const started = Date.now();
    const outcome = await gateOver(inbox, 2000).pass([{ topic: 'device.data.received', id }]);
    expect(outcome).toEqual({ stale: false, waitedMs: expect.any(Number) });
    expect(outcome.waitedMs).toBeGreaterThanOrEqual(35);
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    expect(inbox.queries).toBeGreaterThan(1);
  });

  it('answers stale at the bound when the event never comes', async () => {
    const inbox = new FakeInbox();
    const outcome = await gateOver(inbox, 60).pass([{ topic: 'device.data.received', id: randomUUID() }]);
    expect(outcome).toEqual({ stale: true, waitedMs: expect.any(Number) });
    expect(outcome.waitedMs).toBeGreaterThanOrEqual(60);
  });

  it('ignores malformed entries and never waits without a way to tell', async () => {
    const inbox = new FakeInbox();
    await expect(gateOver(inbox).pass([{ topic: 'device.data.received', id: 'not-a-uuid' }, 'x', null])).resolves.toEqual({ stale: false });
    expect(inbox.queries).toBe(0);
    await expect(gateOver(null).pass([{ topic: 'device.data.received', id: randomUUID() }])).resolves.toEqual({ stale: false });
  });

  it('propagates a failing inbox read (the command is answered 503 by the processor)', async () => {
    const failing: AppliedEvents = { applied: async () => { throw new Error('connection refused'); } };
    await expect(new ConsistencyGate({ applied: failing, consumedTopics: new Set(['device.data.received']), boundMs: 100 })
      .pass([{ topic: 'device.data.received', id: randomUUID() }])).rejects.toThrow('connection refused');
  });
});
