/**
 * The idle wait of a background loop (outbox relays, job workers, webhook dispatchers): it sleeps up
 * to `ms`, and `wake()` ends the sleep at once (a NOTIFY, a fresh write, shutdown). A wake that comes
 * while nobody sleeps (the loop is in a round, which may already have looked and found nothing) is
 * kept: the next sleep ends at once, so work announced during a round waits no idle time.
 * `forget()` drops a kept wake (a failed round backs off whatever was announced during it).
 */
export class WakeableSleep {
  private wakeUp: (() => void) | null = null;
  private woken = false;

  sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = null;
        resolve();
      }, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
    });
  }

  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.woken = true;
  }

  forget(): void {
    this.woken = false;
  }
}
