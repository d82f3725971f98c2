import { WakeableSleep } from './wakeable-sleep';

/** A sleep of 30 ms that nothing cuts short. */
async function expectFullSleep(sut: WakeableSleep): Promise<void> {
  const started = Date.now();
  await sut.sleep(30);
  expect(Date.now() - started).toBeGreaterThanOrEqual(25);
}

describe('WakeableSleep', () => {
  it('ends the sleep when woken', async () => {
    const sut = new WakeableSleep();
    const slept = sut.sleep(60_000);
    sut.wake();
    await expect(slept).resolves.toBeUndefined();
  });

  it('ends on its own after the wait', async () => {
    await expectFullSleep(new WakeableSleep());
  });

  it('keeps a wake that came while awake: the next sleep ends at once, the one after waits', async () => {
    const sut = new WakeableSleep();
    sut.wake();
    sut.wake();
    await expect(sut.sleep(60_000)).resolves.toBeUndefined();
    await expectFullSleep(sut);
  });

  it('forgets a kept wake when told to', async () => {
    const sut = new WakeableSleep();
    sut.wake();
    sut.forget();
    await expectFullSleep(sut);
  });
});
