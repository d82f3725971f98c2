import { DataSource, EntityManager } from 'typeorm';
import { CriticalCalloutOverdue, TOPICS } from '@labflow/contracts';
import { PgOutbox } from '@labflow/platform/kafka';
import { CriticalCalloutConfig } from '../critical-callout.config';
import { LAB } from '../in-memory-callouts.fake';
import { DetectOverdueUseCase, OVERDUE_BATCH } from './detect-overdue.usecase';

interface PendingRow { lab_id: number; lab_report_id: number; bill_id: number; test_id: number; pending_since: Date; called_out_at: Date | null; overdue_at: Date | null }

/** pending_criticals in memory: answers the UPDATE … RETURNING of markOverdue as the postgres driver does ([rows, affected]). */
class FakePendingManager {
  readonly queries: { sql: string; params: unknown[] }[] = [];
  constructor(readonly table: PendingRow[]) {}

  async query(sql: string, params: unknown[]): Promise<unknown> {
    this.queries.push({ sql, params });
    if (!/UPDATE .*pending_criticals SET overdue_at/s.test(sql)) throw new Error(`unexpected query: ${sql}`);
    const [now, minutes, batch] = params as [Date, number, number];
    const due = this.table
      .filter((r) => r.called_out_at === null && r.overdue_at === null && r.pending_since.getTime() < now.getTime() - minutes * 60_000)
      .sort((a, b) => a.pending_since.getTime() - b.pending_since.getTime())
      .slice(0, batch);
    for (const r of due) r.overdue_at = now;
    const returned = due.map(({ lab_id, lab_report_id, bill_id, test_id, pending_since, overdue_at }) => ({ lab_id, lab_report_id, bill_id, test_id, pending_since, overdue_at }));
    return [returned, returned.length];
  }
}

class FakeDataSource {
  transactions = 0;
  constructor(readonly manager: FakePendingManager) {}
  async transaction<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    this.transactions++;
    return fn(this.manager as unknown as EntityManager);
  }
}

class FakeOutbox {
  readonly added: { manager: unknown; topic: unknown; payload: CriticalCalloutOverdue; ctx: unknown }[] = [];
  async add(manager: unknown, topic: unknown, payload: CriticalCalloutOverdue, ctx: unknown): Promise<void> {
    this.added.push({ manager, topic, payload, ctx });
  }
}

describe('DetectOverdueUseCase', () => {
  const now = new Date('2026-05-25T10:00:00.000Z');
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  const pending = (labReportId: number, since: Date, extra: Partial<PendingRow> = {}): PendingRow =>
    ({ lab_id: LAB, lab_report_id: labReportId, bill_id: 12, test_id: 5, pending_since: since, called_out_at: null, overdue_at: null, ...extra });

  function setup(rows: PendingRow[]) {
    const manager = new FakePendingManager(rows);
    const dataSource = new FakeDataSource(manager);
    const outbox = new FakeOutbox();
    const config = Object.assign(new CriticalCalloutConfig(), { CRITICAL_CALLOUT_OVERDUE_MINUTES: 60 });
    const sut = new DetectOverdueUseCase(dataSource as unknown as DataSource, outbox as unknown as PgOutbox, config);
    return { sut, manager, dataSource, outbox };
  }

  it('marks pending values older than the allowed minutes and publishes critical.callout_overdue for each, in the same transaction', async () => {
    const { sut, manager, outbox } = setup([pending(101, minutesAgo(90)), pending(102, minutesAgo(61), { test_id: 6 })]);

    expect(await sut.execute(now)).toBe(2);

    expect(manager.table.map((r) => r.overdue_at)).toEqual([now, now]);
    expect(outbox.added.map((a) => a.payload)).toEqual([
      { labId: LAB, labReportId: 101, billId: 12, testId: 5, pendingSince: minutesAgo(90).toISOString(), allowedMinutes: 60, overdueAt: now.toISOString() },
      { labId: LAB, labReportId: 102, billId: 12, testId: 6, pendingSince: minutesAgo(61).toISOString(), allowedMinutes: 60, overdueAt: now.toISOString() },
    ]);
    expect(outbox.added.every((a) => a.manager === manager && a.topic === TOPICS.criticalCalloutOverdue)).toBe(true);
    expect(outbox.added[0].ctx).toEqual({ labId: LAB, correlationId: 'overdue-101', causationId: null });
  });

  it('asks the repository with now, the configured minutes and the batch size', async () => {
    const { sut, manager } = setup([]);
    await sut.execute(now);
    expect(manager.queries).toHaveLength(1);
    expect(manager.queries[0].params).toEqual([now, 60, OVERDUE_BATCH]);
  });

  it('leaves values still within the allowed time, already called out or already overdue untouched', async () => {
    const earlier = minutesAgo(30);
    const { sut, manager, outbox } = setup([
      pending(101, minutesAgo(59)),
      pending(102, minutesAgo(120), { called_out_at: minutesAgo(100) }),
      pending(103, minutesAgo(120), { overdue_at: earlier }),
    ]);

    expect(await sut.execute(now)).toBe(0);

    expect(manager.table.map((r) => r.overdue_at)).toEqual([null, null, earlier]);
    expect(outbox.added).toEqual([]);
  });

  it('marks a value once: a second sweep publishes nothing more', async () => {
    const { sut, outbox } = setup([pending(101, minutesAgo(90))]);

    expect(await sut.execute(now)).toBe(1);
    expect(await sut.execute(new Date(now.getTime() + 60_000))).toBe(0);

    expect(outbox.added.map((a) => a.payload.labReportId)).toEqual([101]);
  });

  it('lets a publishing failure escape the transaction callback, so the mark is rolled back with it', async () => {
    const { sut, outbox } = setup([pending(101, minutesAgo(90))]);
    outbox.add = async () => { throw new Error('outbox down'); };
    await expect(sut.execute(now)).rejects.toThrow('outbox down');
  });
});
