import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { entryIdOf, MongoOutboxRelay, PendingEvent, recordWrittenEvents } from '@labflow/platform/kafka';
import { MONGO_CONNECTION } from '@labflow/platform/service';
import { emptyLifecycle, lifecycleIdOf, RerunLifecycle } from './rerun-lifecycle';
import { rerunError } from './rerun.errors';
import { LifecycleEntry, lifecycleModelOf } from './sample-rerun-lifecycle.schema';

export { LIFECYCLE_COLLECTION } from './sample-rerun-lifecycle.schema';
const APPLIED_IDS_KEPT = 200;
const MAX_ATTEMPTS = 40;

/** What a change decides: the next state and the events it causes (or nothing to write). */
export interface LifecycleChange<R> {
  next: RerunLifecycle | null;
  events: PendingEvent[];
  result: R;
}

export type Mutated<R> = { duplicate: false; result: R; written: boolean } | { duplicate: true };

function stateOf(entry: LifecycleEntry): RerunLifecycle {
  const { labId, labReportId, version, sampleId, lifecycleEpoch, sequence, requests, values, autoRerunQueued, appliedMessageIds, closed } = entry;
  return { labId, labReportId, version, sampleId, lifecycleEpoch, sequence, requests, values, autoRerunQueued, appliedMessageIds, closed };
}

/**
 * The only code that touches the lifecycle collection; every method takes the lab. Each change
 * inserts the next version `<labId>:<labReportId>:<n>` with its events (outbox) and the message id
 * (inbox) in that single document: concurrent deliveries for one report collide on the primary key,
 * the loser re-reads and re-applies its change on top, so no parameter is lost.
 */
@Injectable()
export class RerunLifecycleRepository {
  private readonly entries: Model<LifecycleEntry>;

  constructor(
    @Inject(MONGO_CONNECTION) connection: Connection,
    private readonly relay: MongoOutboxRelay,
  ) {
    this.entries = lifecycleModelOf(connection);
  }

  /** The current state: the newest entry of the lab report's stream. */
  async find(labId: number, labReportId: number): Promise<RerunLifecycle | null> {
    const [entry] = await this.entries.find({ streamId: lifecycleIdOf(labId, labReportId), labId })
      .sort({ version: -1 }).limit(1).lean<LifecycleEntry[]>().exec();
    return entry ? stateOf(entry) : null;
  }

  async mutate<R>(
    labId: number,
    labReportId: number,
    messageId: string,
    decide: (current: RerunLifecycle | null, fresh: RerunLifecycle) => LifecycleChange<R>,
  ): Promise<Mutated<R>> {
    const streamId = lifecycleIdOf(labId, labReportId);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const current = await this.find(labId, labReportId);
      if (current?.appliedMessageIds.includes(messageId)) return { duplicate: true };
      const change = decide(current, emptyLifecycle(labId, labReportId));
      if (!change.next) return { duplicate: false, result: change.result, written: false };
      const version = (current?.version ?? 0) + 1;
      const entry: LifecycleEntry = {
        ...change.next,
        _id: entryIdOf(streamId, version), streamId, version, labId, labReportId,
        appliedMessageIds: [...(current?.appliedMessageIds ?? []), messageId].slice(-APPLIED_IDS_KEPT),
        pendingEvents: change.events, outboxPending: change.events.length > 0, writtenAt: new Date(),
      };
      if (await this.insert(entry)) {
        recordWrittenEvents(entry.pendingEvents.map((e) => ({ id: e.id, type: e.topic })));
        if (entry.outboxPending) this.relay.wake();
        return { duplicate: false, result: change.result, written: true };
      }
      await new Promise((r) => setTimeout(r, 2 + Math.random() * 10 * (attempt + 1)));
    }
    throw rerunError('RERUN_CONTENDED');
  }

  /** Validated against the schema, then inserted (Model.create); a duplicate _id is a lost race. */
  private async insert(entry: LifecycleEntry): Promise<boolean> {
    try {
      await this.entries.create(entry);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false; // another writer took this version
      throw error;
    }
  }
}
