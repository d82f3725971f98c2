import { randomUUID } from 'node:crypto';
import { collectWrittenEvents, recordWrittenEvents } from './written-events';

describe('collectWrittenEvents', () => {
  it('collects what the outboxes record during the run, across awaits, and only that run', async () => {
    const a = randomUUID();
    const b = randomUUID();
    const [first, second] = await Promise.all([
      collectWrittenEvents(async () => {
        await new Promise((r) => setTimeout(r, 5));
        recordWrittenEvents([{ id: a, type: 'bill.registered' }]);
        return 'one';
      }),
      collectWrittenEvents(async () => {
        recordWrittenEvents([{ id: b, type: 'activity.logged' }]);
        return 'two';
      }),
    ]);
    expect(first).toEqual({ result: 'one', written: [{ topic: 'bill.registered', id: a }] });
    expect(second).toEqual({ result: 'two', written: [{ topic: 'activity.logged', id: b }] });
  });

  it('records nothing outside a command', () => {
    expect(() => recordWrittenEvents([{ id: randomUUID(), type: 'bill.registered' }])).not.toThrow();
  });
});
