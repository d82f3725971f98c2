import { Queryable } from '@labflow/platform/kafka';
import { RepositoryOf, ScheduledUnitOfWork, UnitOfWork } from '@labflow/platform/handling';
import { CalloutBillRepository } from './callouts/bill.repository';
import { CalloutRepository } from './callouts/callout.repository';
import { PendingCriticalRepository } from './overdue/pending-critical.repository';

/** The critical-callout app's repositories (the only code that touches its schema), by their public members. */
export interface CalloutRepositories {
  bills: RepositoryOf<CalloutBillRepository>;
  callouts: RepositoryOf<CalloutRepository>;
  pending: RepositoryOf<PendingCriticalRepository>;
}

export type CalloutUnitOfWork = UnitOfWork<CalloutRepositories>;

/** A scheduled pass's unit (the overdue sweep): its events name their own context. */
export type CalloutScheduledUnit = ScheduledUnitOfWork<CalloutRepositories>;

export const calloutRepositories = (session: Queryable): CalloutRepositories => ({
  bills: new CalloutBillRepository(session),
  callouts: new CalloutRepository(session),
  pending: new PendingCriticalRepository(session),
});
