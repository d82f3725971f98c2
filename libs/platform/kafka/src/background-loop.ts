import { Logger } from '@nestjs/common';
import { WakeableSleep } from './wakeable-sleep';

/**
 * What one round of background work found: `busy` (it did work, more may wait: go again at once),
 * `idle` (nothing to do: wait the idle time or a wake), or a wait of its own (standing by while
 * another instance holds the lock or lease).
 */
export type RoundResult = 'busy' | 'idle' | { waitMs: number };

/** Another instance holds the work (a lock, a lease): ask again in a second. */
export const STAND_BY: RoundResult = { waitMs: 1000 };

export interface BackgroundLoopOptions {
  /** The context of its log lines: what the loop does. */
  name: string;
  idleWaitMs: number;
  /** The wait after the n-th failed round in a row (n from 1); default 1 s. */
  backoffMs?: (failures: number) => number;
  /** The words before the error in the failure log line (`<failureLog>: <error>`); default `paused`. */
  failureLog?: string;
  /** Logs the first failure of every this many in a row (an outage of minutes is a few lines); default 1. */
  logEveryFailures?: number;
  failureLogLevel?: 'warn' | 'error';
  /** Runs after a failed round, before the backoff (drop a broken connection). Must not throw. */
  afterFailure?: () => Promise<void>;
}

/**
 * Runs one round of background work after another until stopped: outbox relays, job workers,
 * webhook dispatchers, sweeps. Between rounds it waits as the round asked; a failed round (a store
 * or broker outage) is logged and retried after a backoff, and what it did not do stays to do.
 * `wake()` cuts a wait short (a NOTIFY, a fresh write); `stop()` lets the round in hand finish.
 */
export class BackgroundLoop {
  private readonly idle = new WakeableSleep();
  private readonly logger: Logger;
  private running = false;
  private loop: Promise<void> | null = null;
  private failures = 0;
  private lastFailure: string | null = null;
  /** When the last round succeeded (or the loop started): a failing streak is measured from here. */
  private lastSuccessAt = 0;
  /** When the round in hand started; null between rounds. */
  private roundStartedAt: number | null = null;

  constructor(private readonly options: BackgroundLoopOptions, private readonly round: () => Promise<RoundResult>) {
    this.logger = new Logger(options.name);
  }

  /** The error of the last round when it failed; null once a round succeeded (readiness details). */
  get lastError(): string | null {
    return this.lastFailure;
  }

  /**
   * How long the loop has been getting nowhere: since its last good round while rounds fail, or since
   * the round in hand started (a round can hang in a client's own retries, e.g. a producer that retries
   * a send without limit); 0 between good rounds.
   */
  get stalledForMs(): number {
    if (this.failures > 0) return Date.now() - this.lastSuccessAt;
    return this.roundStartedAt === null ? 0 : Date.now() - this.roundStartedAt;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.lastSuccessAt = Date.now();
    this.loop = this.runUntilStopped();
  }

  /** Ends the loop: a wait ends at once, a round in hand is finished first. */
  async stop(): Promise<void> {
    this.running = false;
    this.idle.wake();
    await this.loop;
    this.loop = null;
  }

  /** Ends the current wait now; during a round, the wait after it (the round may have looked already). */
  wake(): void {
    this.idle.wake();
  }

  private async runUntilStopped(): Promise<void> {
    while (this.running) {
      const waitMs = await this.runRound();
      // a stop() during the round found no wait to end: do not start one
      if (waitMs > 0 && this.running) await this.idle.sleep(waitMs);
    }
  }

  /** One round; answers how long to wait before the next. */
  private async runRound(): Promise<number> {
    this.roundStartedAt = Date.now();
    // a wake kept from before this round is covered by it: only one during it skips the next wait
    this.idle.forget();
    try {
      const result = await this.round();
      this.failures = 0;
      this.lastFailure = null;
      this.lastSuccessAt = Date.now();
      if (result === 'busy') return 0;
      if (result === 'idle') return this.options.idleWaitMs;
      return result.waitMs;
    } catch (error) {
      this.failures += 1;
      this.lastFailure = error instanceof Error ? error.message : String(error);
      if ((this.failures - 1) % (this.options.logEveryFailures ?? 1) === 0) {
        const line = `${this.options.failureLog ?? 'paused'}: ${this.lastFailure}`;
        if (this.options.failureLogLevel === 'error') this.logger.error(line);
        else this.logger.warn(line);
      }
      await this.options.afterFailure?.();
      // work announced during a failed round does not cut its backoff short (an outage is not hammered)
      this.idle.forget();
      return this.options.backoffMs?.(this.failures) ?? 1000;
    } finally {
      this.roundStartedAt = null;
    }
  }
}
