import { Injectable } from '@nestjs/common';
import { MessageContext } from '@labflow/contracts';
import { ClaimOutcome, InboxClaim, RepositoryOf, UnitOfWork, UnitsOfWork } from '@labflow/platform/handling';
import { LifecycleChanges, lifecycleChangesOf } from './reruns/lifecycle-changes';
import { ReportingContextClient } from './reruns/reporting-context.client';
import { RerunCache } from './reruns/rerun-cache';
import { RerunFailurePublisher } from './reruns/rerun-failure.publisher';
import { RerunLifecycleRepository } from './reruns/rerun-lifecycle.repository';

/** The rerun app's stores as its use cases see them (the only code that touches them), so a fake can stand in. */
export interface RerunRepositories {
  /** The lifecycle documents (MongoDB), changed once per message with their events. */
  lifecycles: LifecycleChanges;
  /** seed 000 §3's Redis hash of requested reruns. */
  cache: RepositoryOf<RerunCache>;
  /** Reporting's answers about a lab report (Kafka request/reply). */
  reporting: RepositoryOf<ReportingContextClient>;
  /** The one event written outside a lifecycle change: a failed save (984). */
  failures: RepositoryOf<RerunFailurePublisher>;
}

export type RerunUnitOfWork = UnitOfWork<RerunRepositories>;

const publish = (): never => {
  throw new Error('rerun writes its events with a lifecycle change (unit.lifecycles.change), in the same document');
};

/**
 * The seam's units on the rerun app's document store. MongoDB (FerretDB) gives no transaction over
 * two documents, so the inbox claim is the message id written in the single-document insert of the
 * change, with the change's events (its outbox): a command's or an event's repeat finds its id there
 * and writes nothing (`{ duplicate: true }`), and the use case answers it as the first time (seed 000
 * replies are the same on a repeat). Written events are recorded for read your writes by the insert.
 */
@Injectable()
export class RerunUnitsOfWork implements UnitsOfWork<RerunRepositories> {
  constructor(
    private readonly lifecycles: RerunLifecycleRepository,
    private readonly cache: RerunCache,
    private readonly reporting: ReportingContextClient,
    private readonly failures: RerunFailurePublisher,
  ) {}

  async claimed<T>(claim: InboxClaim, cause: MessageContext, work: (unit: RerunUnitOfWork) => Promise<T>): Promise<ClaimOutcome<T>> {
    return { first: true, result: await work(this.unit({ id: claim.messageId, cause })) };
  }

  /** Rerun declares no command that claims its own effect: each change claims its message id. */
  unclaimed<T>(): Promise<T> {
    return Promise.reject(new Error('rerun has no self-claimed commands: every change claims its message id'));
  }

  read<T>(work: (unit: RerunUnitOfWork) => Promise<T>): Promise<T> {
    return work(this.unit(null));
  }

  private unit(message: { id: string; cause: MessageContext } | null): RerunUnitOfWork {
    return {
      lifecycles: lifecycleChangesOf(this.lifecycles, message), cache: this.cache, reporting: this.reporting, failures: this.failures, publish,
    };
  }
}
