import { Envelope, MessageContext, newEnvelope, PayloadOf, TopicSpec, validatePayload } from '@labflow/contracts';
import { ClaimOutcome, InboxClaim, UnitOfWork, UnitsOfWork } from './unit-of-work';

/** An event a use case published in memory: its topic's name and its (validated) payload. */
export interface PublishedEvent {
  topic: string;
  payload: unknown;
}

export const SPEC_CAUSE: MessageContext = { labId: null, correlationId: 'spec-correlation', causationId: 'spec-message' };

/**
 * A unit of work over fake repositories, for use case specs without Kafka or a database. Events are
 * checked against their topic's contract as the outbox does, and kept in `published`.
 */
export function inMemoryUnitOfWork<R extends object>(repositories: R, cause: MessageContext = SPEC_CAUSE): UnitOfWork<R> & { published: PublishedEvent[] } {
  const published: PublishedEvent[] = [];
  return {
    ...repositories,
    published,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async publish<T extends TopicSpec<any>>(topic: T, payload: PayloadOf<T>): Promise<Envelope<PayloadOf<T>>> {
      const checked = validatePayload(topic.payload, payload);
      if (checked.problems.length > 0) throw new Error(`invalid ${topic.name} payload: ${checked.problems.join('; ')}`);
      published.push({ topic: topic.name, payload });
      return newEnvelope(topic.name, topic.version, payload, cause);
    },
  };
}

/**
 * The seam's units in memory: an inbox of claimed ids (with kept replies) and events published only
 * when the work succeeds, so a spec of the seam sees what a transaction would have committed.
 */
export class InMemoryUnitsOfWork<R extends object> implements UnitsOfWork<R> {
  readonly inbox = new Map<string, unknown>();
  readonly committed: PublishedEvent[] = [];

  constructor(private readonly repositories: R) {}

  async claimed<T>(claim: InboxClaim, cause: MessageContext, work: (unit: UnitOfWork<R>) => Promise<T>): Promise<ClaimOutcome<T>> {
    const key = `${claim.consumer}\u0000${claim.messageId}`;
    if (this.inbox.has(key)) return { first: false, stored: this.inbox.get(key) ?? null };
    const unit = inMemoryUnitOfWork(this.repositories, cause);
    const result = await work(unit);
    this.inbox.set(key, claim.keepReply ? (claim.kept ? claim.kept(result) : result) : null);
    this.committed.push(...unit.published);
    return { first: true, result };
  }

  async unclaimed<T>(cause: MessageContext, work: (unit: UnitOfWork<R>) => Promise<T>): Promise<T> {
    const unit = inMemoryUnitOfWork(this.repositories, cause);
    const result = await work(unit);
    this.committed.push(...unit.published);
    return result;
  }

  async read<T>(work: (unit: UnitOfWork<R>) => Promise<T>): Promise<T> {
    const unit = inMemoryUnitOfWork(this.repositories);
    const result = await work(unit);
    if (unit.published.length > 0) throw new Error('a read published events');
    return result;
  }
}
