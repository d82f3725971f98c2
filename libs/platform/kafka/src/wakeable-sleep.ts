/**
 * The idle wait of a background loop (outbox relays, job workers, webhook dispatchers): it sleeps up
 * to `ms`, and `wake()` ends the sleep at once (a NOTIFY, a fresh write, shutdown). A wake while not
 * sleeping is dropped: the loop is busy and will look again anyway.
 */
export class WakeableSleep {
  private wakeUp: (() => void) | null = null;

  sleep(ms: number): Promise<void> {
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
    this.wakeUp?.();
  }
}
