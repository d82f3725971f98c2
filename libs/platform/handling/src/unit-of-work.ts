import { Envelope, MessageContext, PayloadOf, TopicSpec } from '@labflow/contracts';
import { Queryable } from '@labflow/platform/kafka';

/** Writes an event of the unit's transaction (its outbox): published only if the unit commits. */
export interface EventPublisher {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  publish<T extends TopicSpec<any>>(topic: T, payload: PayloadOf<T>): Promise<Envelope<PayloadOf<T>>>;
}

/**
 * What a use case works with: its app's repositories (the only code that touches a store) and the
 * events it causes. A write command's or an event's unit is one transaction; a query's has none (and
 * publishes nothing).
 */
export type UnitOfWork<R extends object> = Readonly<R> & EventPublisher;

/**
 * How an app builds its repositories over one session of its PostgreSQL store (a transaction or none),
 * and over the other stores it names in `inject` (handlingOf), given after the session.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RepositoriesFactory<R extends object> = (session: Queryable, ...stores: any[]) => R;

/** The public members of a repository class: what a fake repository implements. */
export type RepositoryOf<T> = { [K in keyof T]: T[K] };

/** Claims a message in the inbox of the unit's transaction. */
export interface InboxClaim {
  consumer: string;
  messageId: string;
  /** Commands: the reply is kept with the claim, so a repeat answers it again. */
  keepReply: boolean;
  /** What is kept instead of the reply (UseCase.kept); absent: the reply. */
  kept?: (reply: unknown) => unknown;
}

/** A first delivery ran the work; a repeat ran nothing and finds what the first kept (null for events). */
export type ClaimOutcome<T> = { first: true; result: T } | { first: false; stored: unknown };

/** Where the seam runs a use case: the app's store with its inbox and outbox (or memory, in specs). */
export interface UnitsOfWork<R extends object> {
  /** `work` in one transaction that claims the message first; a repeat does not run it. */
  claimed<T>(claim: InboxClaim, cause: MessageContext, work: (unit: UnitOfWork<R>) => Promise<T>): Promise<ClaimOutcome<T>>;
  /**
   * `work` with no inbox claim and no transaction, for a command that claims its own effect (one
   * guarded statement of a repository: CommandDeclaration.claimedBy 'use-case').
   */
  unclaimed<T>(cause: MessageContext, work: (unit: UnitOfWork<R>) => Promise<T>): Promise<T>;
  /** `work` outside any transaction: reads only. */
  read<T>(work: (unit: UnitOfWork<R>) => Promise<T>): Promise<T>;
}
