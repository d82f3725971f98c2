import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { BackgroundLoop } from '@labflow/platform/kafka';
import { APP_CONFIG } from '@labflow/platform/service';
import { CriticalCalloutConfig } from '../critical-callout.config';
import { DetectOverdueUseCase, OVERDUE_BATCH } from './detect-overdue.usecase';

/**
 * Runs the overdue detection every CRITICAL_CALLOUT_SWEEP_SECONDS, and again at once while a pass
 * marked a full batch (more may be waiting). A failed pass is retried at the next sweep: nothing
 * was marked without its event (same transaction).
 */
@Injectable()
export class OverdueSweepWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: BackgroundLoop;

  constructor(private readonly detect: DetectOverdueUseCase, @Inject(APP_CONFIG) config: CriticalCalloutConfig) {
    const sweepMs = config.CRITICAL_CALLOUT_SWEEP_SECONDS * 1000;
    this.loop = new BackgroundLoop({
      name: 'OverdueSweep', idleWaitMs: sweepMs, backoffMs: () => sweepMs,
      failureLog: 'overdue detection failed', failureLogLevel: 'error',
    }, async () => ((await this.detect.execute(new Date())) === OVERDUE_BATCH ? 'busy' : 'idle'));
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** Before the stores close: a pass in hand commits or rolls back. */
  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }
}
