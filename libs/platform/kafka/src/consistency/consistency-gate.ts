import { isWrittenEvent, MAX_AWAITED_EVENTS } from '@labflow/contracts';
import { consistencyWaits, consistencyWaitSeconds } from '@labflow/platform/observability';
import { AppliedEvents } from './applied-events';

export interface ConsistencyGateOptions {
  /** How this app tells that its consumers applied an event; null: it cannot, and never waits. */
  applied: AppliedEvents | null;
  /** The catalog topics this app consumes: an awaited event of another topic is not its to wait for. */
  consumedTopics: ReadonlySet<string>;
  /** The longest a command waits before it is served with what the app has (CONSISTENCY_WAIT_MS). */
  boundMs: number;
}

export interface GateOutcome {
  /** Served at the bound without every awaited event applied. */
  stale: boolean;
  /** How long the command waited; absent when it awaited nothing of this app's (no query made). */
  waitedMs?: number;
}

const FIRST_POLL_MS = 5;
const MAX_POLL_MS = 50;

/**
 * Read your writes, on the serving side: before a command runs, the events of the caller's earlier
 * writes that this app consumes must be applied here (their ids claimed in its inbox). It polls the
 * inbox (5 ms, doubling to 50 ms) up to the bound, then lets the command run and says it is stale.
 * A command awaiting nothing of this app's topics costs nothing: no query at all.
 */
export class ConsistencyGate {
  constructor(private readonly options: ConsistencyGateOptions) {}

  async pass(awaits: unknown): Promise<GateOutcome> {
    const ids = this.relevantIds(awaits);
    if (ids.length === 0 || !this.options.applied) return { stale: false };
    const started = Date.now();
    let pending = ids;
    for (let round = 0, delay = FIRST_POLL_MS; ; round++, delay = Math.min(delay * 2, MAX_POLL_MS)) {
      const applied = await this.options.applied.applied(pending);
      pending = pending.filter((id) => !applied.has(id));
      const waited = Date.now() - started;
      if (pending.length === 0) return this.outcome(round === 0 ? 'applied' : 'waited', waited);
      const left = this.options.boundMs - waited;
      if (left <= 0) return this.outcome('stale', waited);
      await new Promise((resolve) => setTimeout(resolve, Math.min(delay, left)));
    }
  }

  private relevantIds(awaits: unknown): string[] {
    if (!Array.isArray(awaits) || awaits.length === 0) return [];
    const ids = new Set<string>();
    for (const event of awaits.slice(0, MAX_AWAITED_EVENTS)) {
      if (isWrittenEvent(event) && this.options.consumedTopics.has(event.topic)) ids.add(event.id);
    }
    return [...ids];
  }

  private outcome(outcome: 'applied' | 'waited' | 'stale', waitedMs: number): GateOutcome {
    consistencyWaits.inc({ outcome });
    if (outcome !== 'applied') consistencyWaitSeconds.observe(waitedMs / 1000);
    return { stale: outcome === 'stale', waitedMs };
  }
}
