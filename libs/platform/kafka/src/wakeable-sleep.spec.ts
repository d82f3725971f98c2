import { WakeableSleep } from './wakeable-sleep';

describe('WakeableSleep', () => {
  it('ends the sleep when woken', async () => {
    const sut = new WakeableSleep();
    const slept = sut.sleep(60_000);
    sut.wake();
    await expect(slept).resolves.toBeUndefined();
  });

  it('ends on its own after the wait, and a wake while awake is dropped', async () => {
    const sut = new WakeableSleep();
    sut.wake();
    const started = Date.now();
    await sut.sleep(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});
