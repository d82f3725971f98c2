import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CriticalCalloutOverdue, TOPICS } from '@labflow/contracts';
import { PgOutbox } from '@labflow/platform/kafka';
import { traceOnceFound } from '@labflow/platform/observability';
import { APP_CONFIG } from '@labflow/platform/service';
import { CriticalCalloutConfig } from '../critical-callout.config';
import { OverdueRow, PendingCriticalRepository } from './pending-critical.repository';

/** The most one pass marks (OverdueSweepWorker runs another pass at once after a full one). */
export const OVERDUE_BATCH = 200;

/**
 * Beyond seed 001: on every sweep (OverdueSweepWorker), pending critical values without a done callout
 * for CRITICAL_CALLOUT_OVERDUE_MINUTES are marked overdue and critical.callout_overdue is published —
 * mark and outbox in one transaction, so each is published once even with several instances running
 * (SKIP LOCKED) or after a crash.
 */
@Injectable()
export class DetectOverdueUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: PgOutbox,
    @Inject(APP_CONFIG) private readonly config: CriticalCalloutConfig,
  ) {}

  /** Marks what is overdue at `now`; returns how many were marked. A pass that marks some is traced. */
  async execute(now: Date): Promise<number> {
    return traceOnceFound((begin) => this.dataSource.transaction(async (manager) => {
      const rows = await new PendingCriticalRepository(manager).markOverdue(now, this.config.CRITICAL_CALLOUT_OVERDUE_MINUTES, OVERDUE_BATCH);
      if (rows.length === 0) return 0;
      // the events carry this span: their consumers' spans join the sweep's trace
      const span = begin('sweep overdue critical values', { attributes: { 'labflow.overdue.marked': rows.length } });
      await span.run(() => this.publishOverdue(manager, rows));
      return rows.length;
    }));
  }

  private async publishOverdue(manager: EntityManager, rows: OverdueRow[]): Promise<void> {
    for (const r of rows) {
      const event: CriticalCalloutOverdue = {
        labId: r.lab_id, labReportId: r.lab_report_id, billId: r.bill_id, testId: r.test_id,
        pendingSince: new Date(r.pending_since).toISOString(), allowedMinutes: this.config.CRITICAL_CALLOUT_OVERDUE_MINUTES,
        overdueAt: new Date(r.overdue_at).toISOString(),
      };
      await this.outbox.add(manager, TOPICS.criticalCalloutOverdue, event, { labId: r.lab_id, correlationId: `overdue-${r.lab_report_id}`, causationId: null });
    }
  }
}
