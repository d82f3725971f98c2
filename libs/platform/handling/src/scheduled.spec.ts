import { trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { IsInt } from 'class-validator';
import { DataSource } from 'typeorm';
import { defineTopic, MessageContext } from '@labflow/contracts';
import { PgOutbox } from '@labflow/platform/kafka';
import { activeTraceContext, toRecord, traceHeaders } from '@labflow/platform/observability';
import { InMemoryScheduledUnits } from './in-memory-scheduled-units';
import { PgScheduledUnits } from './pg-scheduled-units';
import { HandlesSchedule, PassOutcome, scheduleOf, ScheduledRun, ScheduledUnitOfWork } from './scheduled';
import { ScheduledRuns } from './scheduled-runs';

class TicketDue {
  @IsInt() labId!: number;
  @IsInt() ticketId!: number;
}
const TICKET_DUE = defineTopic({
  name: 'ticket.due', version: 1, payload: TicketDue, key: (p) => String(p.ticketId), keyDescription: 'ticket',
  producers: ['critical-callout'], consumers: ['audit'], description: 'spec',
});

interface Tickets { open: { labId: number; ticketId: number }[] }
const causeOf = (t: { labId: number; ticketId: number }): MessageContext => ({ labId: t.labId, correlationId: `due-${t.ticketId}`, causationId: null });

/** Takes at most two open tickets a pass and publishes ticket.due for each; a full pass asks for more. */
@HandlesSchedule({ name: 'TicketSweep', span: 'sweep due tickets', countedAs: 'spec.due' })
class SweepTickets {
  readonly runs: Date[] = [];
  failNext = false;
  constructor(readonly intervalMs: number) {}

  async execute(run: ScheduledRun, unit: ScheduledUnitOfWork<Tickets>): Promise<PassOutcome> {
    this.runs.push(run.now);
    const taken = unit.open.splice(0, 2);
    for (const t of taken) await unit.publish(TICKET_DUE, t, causeOf(t));
    if (this.failNext) {
      this.failNext = false;
      unit.open.unshift(...taken); // what a rollback would leave
      throw new Error('store down');
    }
    return taken.length === 2 ? 'more' : 'done';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tickets = (...ids: number[]) => ids.map((ticketId) => ({ labId: 7, ticketId }));

describe('the seam\'s scheduled kind', () => {
  describe('ScheduledRuns', () => {
    let runs: ScheduledRuns<Tickets> | undefined;
    afterEach(async () => runs?.onModuleDestroy());

    function start(open: Tickets['open'], intervalMs: number, sweep = new SweepTickets(intervalMs)) {
      const units = new InMemoryScheduledUnits<Tickets>({ open });
      const now = new Date('2026-05-25T10:00:00.000Z');
      runs = new ScheduledRuns(units, [sweep], () => now);
      runs.onApplicationBootstrap();
      return { units, sweep, now };
    }

    it('runs a pass at start and each interval after, with the clock\'s time, each in its own unit', async () => {
      const { units, sweep, now } = start([], 400);
      await sleep(150);
      expect(sweep.runs).toEqual([now]);
      await sleep(400);
      expect(sweep.runs).toEqual([now, now]);
      expect(units.passes).toEqual(['TicketSweep', 'TicketSweep']);
    });

    it('runs the next pass at once after a full one, and commits each event with the context the use case named', async () => {
      const { units, sweep } = start(tickets(1, 2, 3, 4, 5), 5_000);
      await sleep(200);
      expect(sweep.runs).toHaveLength(3); // 2 + 2 ('more', 'more') then 1 ('done'): waits
      expect(units.committed.map((e) => [e.payload, e.cause.correlationId])).toEqual(
        tickets(1, 2, 3, 4, 5).map((t) => [t, `due-${t.ticketId}`]),
      );
    });

    it('commits nothing of a failed pass and tries again after the interval', async () => {
      const sweep = new SweepTickets(400);
      sweep.failNext = true;
      const { units } = start(tickets(1), 400, sweep);
      await sleep(150);
      expect(sweep.runs).toHaveLength(1);
      expect(units.committed).toEqual([]);
      await sleep(400);
      expect(sweep.runs).toHaveLength(2);
      expect(units.committed.map((e) => e.payload)).toEqual(tickets(1));
    });

    it('runs no pass after it is stopped', async () => {
      const { sweep } = start([], 30);
      await sleep(10);
      await runs?.onModuleDestroy();
      const count = sweep.runs.length;
      await sleep(80);
      expect(sweep.runs).toHaveLength(count);
    });

    it('names a use case that declares no schedule', () => {
      class Undeclared {}
      expect(() => scheduleOf(Undeclared)).toThrow('Undeclared declares no @HandlesSchedule');
    });
  });

  describe('PgScheduledUnits', () => {
    const exporter = new InMemorySpanExporter();
    beforeAll(() => trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })));
    afterEach(() => exporter.reset());

    function setup(open: Tickets['open']) {
      const manager = { name: 'transaction' };
      const dataSource = { transactions: 0, async transaction<T>(work: (m: unknown) => Promise<T>) { this.transactions++; return work(manager); } };
      const added: { manager: unknown; topic: string; payload: unknown; cause: MessageContext; traceparent?: string }[] = [];
      const outbox = {
        async add(m: unknown, topic: { name: string }, payload: unknown, cause: MessageContext) {
          added.push({ manager: m, topic: topic.name, payload, cause, traceparent: traceHeaders(activeTraceContext()).traceparent });
        },
      };
      const sessions: unknown[] = [];
      const units = new PgScheduledUnits<Tickets>(dataSource as unknown as DataSource, outbox as unknown as PgOutbox, (session) => {
        sessions.push(session);
        return { open };
      });
      return { units, dataSource, added, sessions, manager };
    }

    it('runs a pass in one transaction: its repositories and outbox on that transaction, each event with its own context', async () => {
      const { units, dataSource, added, sessions, manager } = setup(tickets(1, 2));
      expect(await units.scheduled(scheduleOf(SweepTickets), (unit) => new SweepTickets(10).execute({ now: new Date() }, unit))).toBe('more');
      expect(dataSource.transactions).toBe(1);
      expect(sessions).toEqual([manager]);
      expect(added.map((a) => [a.manager, a.topic, a.cause])).toEqual([[manager, 'ticket.due', causeOf(tickets(1)[0])], [manager, 'ticket.due', causeOf(tickets(2)[0])]]);
    });

    it('traces a pass that publishes as a span of its own, counting its events; its events carry the span', async () => {
      const { units, added } = setup(tickets(1, 2));
      await units.scheduled(scheduleOf(SweepTickets), (unit) => new SweepTickets(10).execute({ now: new Date() }, unit));
      const spans = exporter.getFinishedSpans().map(toRecord);
      expect(spans).toMatchObject([{ name: 'sweep due tickets', kind: 'INTERNAL', parentSpanId: null, attributes: { 'spec.due': 2 } }]);
      expect(added.map((a) => a.traceparent)).toEqual([1, 2].map(() => `00-${spans[0].traceId}-${spans[0].spanId}-01`));
    });

    it('records no span for a pass that publishes nothing, and fails the span of a pass that throws', async () => {
      const { units } = setup([]);
      await units.scheduled(scheduleOf(SweepTickets), (unit) => new SweepTickets(10).execute({ now: new Date() }, unit));
      expect(exporter.getFinishedSpans()).toEqual([]);
      const failing = new SweepTickets(10);
      failing.failNext = true;
      const { units: other } = setup(tickets(1));
      await expect(other.scheduled(scheduleOf(SweepTickets), (unit) => failing.execute({ now: new Date() }, unit))).rejects.toThrow('store down');
      expect(exporter.getFinishedSpans().map(toRecord)).toMatchObject([{ name: 'sweep due tickets', status: { code: 2 } }]);
    });
  });
});
