import { TOPICS } from '@labflow/contracts';
import { inMemoryScheduledUnit, InMemoryScheduledUnits, scheduleOf } from '@labflow/platform/handling';
import { CriticalCalloutConfig } from '../critical-callout.config';
import { CalloutRepositories } from '../critical-callout-unit-of-work';
import { InMemoryBills, InMemoryCallouts, InMemoryPending, LAB } from '../in-memory-callouts.fake';
import { DetectOverdueUseCase, OVERDUE_BATCH } from './detect-overdue.usecase';
import { OverdueRow } from './pending-critical.repository';

interface PendingRow { lab_id: number; lab_report_id: number; bill_id: number; test_id: number; pending_since: Date; called_out_at: Date | null; overdue_at: Date | null }

/** pending_criticals in memory, marking as markOverdue's UPDATE … RETURNING does (its SQL is the e2e suite's). */
class FakePending extends InMemoryPending {
  readonly asked: [Date, number, number][] = [];
  constructor(readonly table: PendingRow[]) {
    super();
  }

  override async markOverdue(now: Date, minutes: number, batch: number): Promise<OverdueRow[]> {
    this.asked.push([now, minutes, batch]);
    const due = this.table
      .filter((r) => r.called_out_at === null && r.overdue_at === null && r.pending_since.getTime() < now.getTime() - minutes * 60_000)
      .sort((a, b) => a.pending_since.getTime() - b.pending_since.getTime())
      .slice(0, batch);
    for (const r of due) r.overdue_at = now;
    return due.map(({ lab_id, lab_report_id, bill_id, test_id, pending_since }) => ({ lab_id, lab_report_id, bill_id, test_id, pending_since, overdue_at: now }));
  }
}

describe('DetectOverdueUseCase', () => {
  const now = new Date('2026-05-25T10:00:00.000Z');
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  const pending = (labReportId: number, since: Date, extra: Partial<PendingRow> = {}): PendingRow =>
    ({ lab_id: LAB, lab_report_id: labReportId, bill_id: 12, test_id: 5, pending_since: since, called_out_at: null, overdue_at: null, ...extra });

  function setup(rows: PendingRow[]) {
    const repositories: CalloutRepositories & { pending: FakePending } = { bills: new InMemoryBills(), callouts: new InMemoryCallouts(), pending: new FakePending(rows) };
    const config = Object.assign(new CriticalCalloutConfig(), { CRITICAL_CALLOUT_OVERDUE_MINUTES: 60, CRITICAL_CALLOUT_SWEEP_SECONDS: 10 });
    return { sut: new DetectOverdueUseCase(config), repositories, unit: inMemoryScheduledUnit(repositories) };
  }

  it('is scheduled every CRITICAL_CALLOUT_SWEEP_SECONDS, its passes traced as the sweep that counts what it marked', () => {
    const { sut } = setup([]);
    expect(sut.intervalMs).toBe(10_000);
    expect(scheduleOf(DetectOverdueUseCase)).toEqual({ kind: 'schedule', name: 'OverdueSweep', span: 'sweep overdue critical values', countedAs: 'labflow.overdue.marked' });
  });

  it('marks pending values older than the allowed minutes and publishes critical.callout_overdue for each, in its own correlation', async () => {
    const { sut, repositories, unit } = setup([pending(101, minutesAgo(90)), pending(102, minutesAgo(61), { test_id: 6 })]);

    expect(await sut.execute({ now }, unit)).toBe('done');

    expect(repositories.pending.table.map((r) => r.overdue_at)).toEqual([now, now]);
    expect(unit.published).toEqual([
      {
        topic: TOPICS.criticalCalloutOverdue.name, cause: { labId: LAB, correlationId: 'overdue-101', causationId: null },
        payload: { labId: LAB, labReportId: 101, billId: 12, testId: 5, pendingSince: minutesAgo(90).toISOString(), allowedMinutes: 60, overdueAt: now.toISOString() },
      },
      {
        topic: TOPICS.criticalCalloutOverdue.name, cause: { labId: LAB, correlationId: 'overdue-102', causationId: null },
        payload: { labId: LAB, labReportId: 102, billId: 12, testId: 6, pendingSince: minutesAgo(61).toISOString(), allowedMinutes: 60, overdueAt: now.toISOString() },
      },
    ]);
  });

  it('asks the repository with the pass\'s time, the configured minutes and the batch size; a full batch asks for another pass at once', async () => {
    const { sut, repositories, unit } = setup(Array.from({ length: OVERDUE_BATCH + 1 }, (_, i) => pending(1000 + i, minutesAgo(120 - i / 10))));
    expect(await sut.execute({ now }, unit)).toBe('more');
    expect(repositories.pending.asked).toEqual([[now, 60, OVERDUE_BATCH]]);
    expect(unit.published).toHaveLength(OVERDUE_BATCH);
    expect(await sut.execute({ now }, unit)).toBe('done');
    expect(unit.published).toHaveLength(OVERDUE_BATCH + 1);
  });

  it('leaves values still within the allowed time, already called out or already overdue untouched', async () => {
    const earlier = minutesAgo(30);
    const { sut, repositories, unit } = setup([
      pending(101, minutesAgo(59)),
      pending(102, minutesAgo(120), { called_out_at: minutesAgo(100) }),
      pending(103, minutesAgo(120), { overdue_at: earlier }),
    ]);

    expect(await sut.execute({ now }, unit)).toBe('done');

    expect(repositories.pending.table.map((r) => r.overdue_at)).toEqual([null, null, earlier]);
    expect(unit.published).toEqual([]);
  });

  it('marks a value once: a second pass publishes nothing more', async () => {
    const { sut, unit } = setup([pending(101, minutesAgo(90))]);
    await sut.execute({ now }, unit);
    await sut.execute({ now: new Date(now.getTime() + 60_000) }, unit);
    expect(unit.published.map((e) => (e.payload as { labReportId: number }).labReportId)).toEqual([101]);
  });

  it('lets a publishing failure escape the pass, so its mark is rolled back with it (nothing committed)', async () => {
    const { sut, repositories } = setup([pending(101, minutesAgo(90))]);
    const units = new InMemoryScheduledUnits(repositories);
    const failing = (unit: Parameters<DetectOverdueUseCase['execute']>[1]) => sut.execute({ now }, { ...unit, publish: async () => { throw new Error('outbox down'); } });
    await expect(units.scheduled(scheduleOf(DetectOverdueUseCase), failing)).rejects.toThrow('outbox down');
    expect(units.committed).toEqual([]);
  });
});
