import { MessageContext, PayloadOf, TopicSpec } from '@labflow/contracts';
import { pendingEvent } from '@labflow/platform/kafka';
import { RerunLifecycle } from './rerun-lifecycle';
import { Mutated, RerunLifecycleRepository } from './rerun-lifecycle.repository';

/** An event a lifecycle change causes: written in the same document as the change (its outbox). */
export interface LifecycleEvent {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  topic: TopicSpec<any>;
  payload: object;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lifecycleEvent<T extends TopicSpec<any>>(topic: T, payload: PayloadOf<T>): LifecycleEvent {
  return { topic, payload };
}

/** What a use case decides over the current state: the next state and its events (next null: nothing written). */
export interface LifecycleDecision<R> {
  next: RerunLifecycle | null;
  events: LifecycleEvent[];
  result: R;
}

export type Decide<R> = (current: RerunLifecycle | null, fresh: RerunLifecycle) => LifecycleDecision<R>;

/**
 * The lifecycle store as a use case sees it in its unit of work: every change is applied once per
 * message (the unit's message id is the inbox, kept in the document the change writes) and its
 * events are caused by the unit's message. `{ duplicate: true }`: that message was applied already.
 */
export interface LifecycleChanges {
  find(labId: number, labReportId: number): Promise<RerunLifecycle | null>;
  change<R>(labId: number, labReportId: number, decide: Decide<R>): Promise<Mutated<R>>;
}

/** The unit's lifecycle changes over the Mongo repository; a read unit (no message) changes nothing. */
export function lifecycleChangesOf(repository: RerunLifecycleRepository, message: { id: string; cause: MessageContext } | null): LifecycleChanges {
  return {
    find: (labId, labReportId) => repository.find(labId, labReportId),
    change: (labId, labReportId, decide) => {
      if (!message) throw new Error(`lifecycle of lab report ${labReportId} changed by a read`);
      return repository.mutate(labId, labReportId, message.id, (current, fresh) => {
        const decision = decide(current, fresh);
        return { ...decision, events: decision.events.map((e) => pendingEvent(e.topic, e.payload, message.cause)) };
      });
    },
  };
}
