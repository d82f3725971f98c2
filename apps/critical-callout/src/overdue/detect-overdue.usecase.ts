import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CriticalCalloutOverdue, TOPICS } from '@labflow/contracts';
import { PgOutbox } from '@labflow/platform/kafka';
import { APP_CONFIG } from '@labflow/platform/service';
import { CriticalCalloutConfig } from '../critical-callout.config';
import { PendingCriticalRepository } from './pending-critical.repository';

const BATCH = 200;

/**
 * Beyond seed 001: every CRITICAL_CALLOUT_SWEEP_SECONDS, pending critical values without a done callout
 * for CRITICAL_CALLOUT_OVERDUE_MINUTES are marked overdue and critical.callout_overdue is published —
 * mark and outbox in one transaction, so each is published once even with several instances running
 * (SKIP LOCKED) or after a crash.
 */
@Injectable()
export class DetectOverdueUseCase implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DetectOverdueUseCase.name);
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly pending: PendingCriticalRepository,
    private readonly outbox: PgOutbox,
    @Inject(APP_CONFIG) private readonly config: CriticalCalloutConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.CRITICAL_CALLOUT_SWEEP_SECONDS * 1000);
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Marks what is overdue at `now`; returns how many were marked. */
  async execute(now: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.pending.markOverdue(manager, now, this.config.CRITICAL_CALLOUT_OVERDUE_MINUTES, BATCH);
      for (const r of rows) {
        const event: CriticalCalloutOverdue = {
          labId: r.lab_id, labReportId: r.lab_report_id, billId: r.bill_id, testId: r.test_id,
          pendingSince: new Date(r.pending_since).toISOString(), allowedMinutes: this.config.CRITICAL_CALLOUT_OVERDUE_MINUTES,
          overdueAt: new Date(r.overdue_at).toISOString(),
        };
        await this.outbox.add(manager, TOPICS.criticalCalloutOverdue, event, { labId: r.lab_id, correlationId: `overdue-${r.lab_report_id}`, causationId: null });
      }
      return rows.length;
    });
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while ((await this.execute(new Date())) === BATCH);
    } catch (error) {
      // The next tick retries: nothing was marked without its event (same transaction).
      this.logger.error(`overdue detection failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
