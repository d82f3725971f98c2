import { runLoad } from './load';

describe('runLoad (open loop)', () => {
  it('sends at the asked rate inside the window and nothing after it, whatever the worker count', async () => {
    const sentAt: number[] = [];
    const started = Date.now();
    const stats = await runLoad({ concurrency: 8, durationMs: 1000, ratePerSecond: 5, request: async () => { sentAt.push(Date.now()); return true; } });
    // 8 workers at 5/s: each has a slot every 1.6 s, so some have none in a 1 s window
    expect(sentAt.length).toBeGreaterThanOrEqual(4);
    expect(sentAt.length).toBeLessThanOrEqual(6);
    expect(Math.max(...sentAt)).toBeLessThan(started + 1000);
    expect(stats.count).toBe(sentAt.length);
    expect(Date.now() - started).toBeLessThan(1300); // no worker sleeps on towards a slot past the window
  });
});
