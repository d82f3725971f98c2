import { Envelope, MessageContext, newEnvelope, PayloadOf, TopicSpec, validatePayload } from '@labflow/contracts';
import { PublishedEvent } from './in-memory-unit-of-work';
import { ScheduleDeclaration, ScheduledUnits, ScheduledUnitOfWork } from './scheduled';

/** An event a scheduled pass published in memory, with the context it named. */
export interface ScheduledEvent extends PublishedEvent {
  cause: MessageContext;
}

/**
 * A scheduled use case's unit over fake repositories (use case specs): events are checked against
 * their topic's contract as the outbox does, and kept in `published`.
 */
export function inMemoryScheduledUnit<R extends object>(repositories: R): ScheduledUnitOfWork<R> & { published: ScheduledEvent[] } {
  const published: ScheduledEvent[] = [];
  return {
    ...repositories,
    published,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async publish<T extends TopicSpec<any>>(topic: T, payload: PayloadOf<T>, cause: MessageContext): Promise<Envelope<PayloadOf<T>>> {
      const checked = validatePayload(topic.payload, payload);
      if (checked.problems.length > 0) throw new Error(`invalid ${topic.name} payload: ${checked.problems.join('; ')}`);
      published.push({ topic: topic.name, payload, cause });
      return newEnvelope(topic.name, topic.version, payload, cause);
    },
  };
}

/** The seam's scheduled passes in memory: events committed only when the pass succeeds. */
export class InMemoryScheduledUnits<R extends object> implements ScheduledUnits<R> {
  readonly committed: ScheduledEvent[] = [];
  readonly passes: string[] = [];

  constructor(private readonly repositories: R) {}

  async scheduled<T>(declaration: ScheduleDeclaration, work: (unit: ScheduledUnitOfWork<R>) => Promise<T>): Promise<T> {
    this.passes.push(declaration.name);
    const unit = inMemoryScheduledUnit(this.repositories);
    const result = await work(unit);
    this.committed.push(...unit.published);
    return result;
  }
}
