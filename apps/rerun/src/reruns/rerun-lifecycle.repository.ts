import { Inject, Injectable } from '@nestjs/common';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { DomainException, MongoOutboxRelay, PendingEvent, withPendingEvents } from '@labflow/platform/kafka';
import { MONGO_CONNECTION } from '@labflow/platform/service';
import { emptyLifecycle, lifecycleIdOf, RerunLifecycle } from './rerun-lifecycle';

export const LIFECYCLE_COLLECTION = 'sample_rerun_lifecycles';
const APPLIED_IDS_KEPT = 200;
const MAX_ATTEMPTS = 30;

/** What a change decides: the next state and the events it causes (or nothing to write). */
export interface LifecycleChange<R> {
  next: RerunLifecycle | null;
  events: PendingEvent[];
  result: R;
}

export type Mutated<R> = { duplicate: false; result: R; written: boolean } | { duplicate: true };

/** The only code that touches the lifecycle collection. Every method takes the lab. */
@Injectable()
export class RerunLifecycleRepository {
  constructor(
    @Inject(MONGO_CONNECTION) private readonly connection: Connection,
    private readonly relay: MongoOutboxRelay,
  ) {}

  private collection(): Collection<RerunLifecycle> {
    if (!this.connection.db) throw new Error('document store not connected');
    return this.connection.db.collection<RerunLifecycle>(LIFECYCLE_COLLECTION);
  }

  async find(labId: number, labReportId: number): Promise<RerunLifecycle | null> {
    return this.collection().findOne({ _id: lifecycleIdOf(labId, labReportId), labId });
  }

  /**
   * Read, decide, conditionally write (compare-and-set on `version`), retry on a race. The message id
   * is claimed in the same write (inbox), so a redelivered message finds it and changes nothing.
   */
  async mutate<R>(
    labId: number,
    labReportId: number,
    messageId: string,
    decide: (current: RerunLifecycle | null, fresh: RerunLifecycle) => LifecycleChange<R>,
  ): Promise<Mutated<R>> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const current = await this.find(labId, labReportId);
      if (current?.appliedMessageIds.includes(messageId)) return { duplicate: true };
      const change = decide(current, emptyLifecycle(labId, labReportId));
      if (!change.next) return { duplicate: false, result: change.result, written: false };
      const base = current ?? change.next;
      const next: RerunLifecycle = {
        ...change.next,
        ...withPendingEvents(base, change.events),
        appliedMessageIds: [...base.appliedMessageIds, messageId].slice(-APPLIED_IDS_KEPT),
        version: (current?.version ?? 0) + 1,
      };
      if (await this.write(current, next)) {
        if (next.outboxPending) this.relay.wake();
        return { duplicate: false, result: change.result, written: true };
      }
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
    }
    throw new DomainException(503, 'RERUN_CONTENDED', 'The rerun of this lab report is changing too often, try again');
  }

  private async write(current: RerunLifecycle | null, next: RerunLifecycle): Promise<boolean> {
    if (!current) {
      try {
        await this.collection().insertOne(next);
        return true;
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return false; // another writer created it first
        throw error;
      }
    }
    const result = await this.collection().replaceOne({ _id: current._id, labId: current.labId, version: current.version }, next);
    return result.matchedCount === 1;
  }
}
