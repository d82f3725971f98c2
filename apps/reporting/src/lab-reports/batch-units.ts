import type { Connection } from 'mongoose';
import { DataSource, EntityManager } from 'typeorm';
import { PayloadOf, TopicSpec } from '@labflow/contracts';
import { OutboxEvent, PgInbox, PgOutbox } from '@labflow/platform/kafka';
import { reportingRepositories, ReportingRepositories } from './reporting-unit-of-work';

/** A consumer's inbox as a batch handler uses it: which envelopes it applied, and claiming them in the unit's transaction. */
export interface BatchInbox {
  seen(messageIds: string[]): Promise<Set<string>>;
  claimAll(messageIds: string[]): Promise<Set<string>>;
}

/** The events of a batch, each with the cause and trace of the message it answers, in one statement. */
export interface BatchEvents {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  addAll<T extends TopicSpec<any>>(topic: T, events: OutboxEvent<PayloadOf<T>>[]): Promise<void>;
}

export type BatchUnit = ReportingRepositories & { inbox: BatchInbox; events: BatchEvents };

/**
 * Where a batch of events is applied (the seam's units take one message): reads before any
 * transaction (`outside`: the inbox's `seen`, the state to plan from), then one transaction that
 * claims the batch's envelopes and writes their effects and events.
 */
export interface BatchUnits {
  readonly outside: BatchUnit;
  transaction<T>(work: (unit: BatchUnit) => Promise<T>): Promise<T>;
}

/** BatchUnits on reporting's PostgreSQL schema and document store, for one inbox consumer. */
export class PgBatchUnits implements BatchUnits {
  readonly outside: BatchUnit;

  constructor(
    private readonly dataSource: DataSource, private readonly inbox: PgInbox, private readonly outbox: PgOutbox,
    private readonly mongo: Connection, private readonly consumer: string,
  ) {
    this.outside = this.unit(dataSource.manager);
  }

  transaction<T>(work: (unit: BatchUnit) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(this.unit(manager)));
  }

  private unit(manager: EntityManager): BatchUnit {
    return {
      ...reportingRepositories(manager, this.mongo),
      inbox: {
        seen: (ids) => this.inbox.seen(manager, this.consumer, ids),
        claimAll: (ids) => this.inbox.claimAll(manager, this.consumer, ids),
      },
      events: {
        addAll: async (topic, events) => {
          await this.outbox.addAll(manager, topic, events);
        },
      },
    };
  }
}
