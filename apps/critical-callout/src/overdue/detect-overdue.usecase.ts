import { Inject, Injectable } from '@nestjs/common';
import { CriticalCalloutOverdue, TOPICS } from '@labflow/contracts';
import { HandlesSchedule, PassOutcome, ScheduledRun, ScheduledUseCase } from '@labflow/platform/handling';
import { APP_CONFIG } from '@labflow/platform/service';
import { CriticalCalloutConfig } from '../critical-callout.config';
import { CalloutRepositories, CalloutScheduledUnit } from '../critical-callout-unit-of-work';

/** The most one pass marks (a full pass is followed by another at once). */
export const OVERDUE_BATCH = 200;

/**
 * Beyond seed 001: every CRITICAL_CALLOUT_SWEEP_SECONDS (the seam's scheduled kind), pending critical
 * values without a done callout for CRITICAL_CALLOUT_OVERDUE_MINUTES are marked overdue and
 * critical.callout_overdue is published — mark and outbox in the pass's one transaction, so each is
 * published once even with several instances running (SKIP LOCKED) or after a crash.
 */
@Injectable()
@HandlesSchedule({ name: 'OverdueSweep', span: 'sweep overdue critical values', countedAs: 'labflow.overdue.marked' })
export class DetectOverdueUseCase implements ScheduledUseCase<CalloutRepositories> {
  readonly intervalMs: number;

  constructor(@Inject(APP_CONFIG) private readonly config: CriticalCalloutConfig) {
    this.intervalMs = config.CRITICAL_CALLOUT_SWEEP_SECONDS * 1000;
  }

  async execute(run: ScheduledRun, unit: CalloutScheduledUnit): Promise<PassOutcome> {
    const allowedMinutes = this.config.CRITICAL_CALLOUT_OVERDUE_MINUTES;
    const rows = await unit.pending.markOverdue(run.now, allowedMinutes, OVERDUE_BATCH);
    for (const r of rows) {
      const event: CriticalCalloutOverdue = {
        labId: r.lab_id, labReportId: r.lab_report_id, billId: r.bill_id, testId: r.test_id,
        pendingSince: new Date(r.pending_since).toISOString(), allowedMinutes, overdueAt: new Date(r.overdue_at).toISOString(),
      };
      await unit.publish(TOPICS.criticalCalloutOverdue, event, { labId: r.lab_id, correlationId: `overdue-${r.lab_report_id}`, causationId: null });
    }
    return rows.length === OVERDUE_BATCH ? 'more' : 'done';
  }
}
