import { DataSource, EntityManager } from 'typeorm';
import { MessageContext } from '@labflow/contracts';
import { PgInbox, PgOutbox } from '@labflow/platform/kafka';
import { ClaimOutcome, InboxClaim, RepositoriesFactory, UnitOfWork, UnitsOfWork } from './unit-of-work';

/**
 * Units of work on a service's PostgreSQL schema: the inbox claim, the state change, its events
 * (PgOutbox.add) and the kept reply commit together or not at all (DESIGN §3).
 */
export class PgUnitsOfWork<R extends object> implements UnitsOfWork<R> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: PgInbox,
    private readonly outbox: PgOutbox,
    private readonly repositories: RepositoriesFactory<R>,
  ) {}

  claimed<T>(claim: InboxClaim, cause: MessageContext, work: (unit: UnitOfWork<R>) => Promise<T>): Promise<ClaimOutcome<T>> {
    const { consumer, messageId } = claim;
    return this.dataSource.transaction(async (manager): Promise<ClaimOutcome<T>> => {
      if (!(await this.inbox.claim(manager, consumer, messageId))) {
        return { first: false, stored: claim.keepReply ? await this.inbox.storedResponse(manager, consumer, messageId) : null };
      }
      const result = await work(this.unit(manager, cause));
      if (claim.keepReply) await this.inbox.saveResponse(manager, consumer, messageId, claim.kept ? claim.kept(result) : result);
      return { first: true, result };
    });
  }

  /** The unit's session is the pool: each statement commits alone (publish refuses: no transaction). */
  unclaimed<T>(cause: MessageContext, work: (unit: UnitOfWork<R>) => Promise<T>): Promise<T> {
    return work(this.unit(this.dataSource.manager, cause));
  }

  read<T>(work: (unit: UnitOfWork<R>) => Promise<T>): Promise<T> {
    return work(this.unit(this.dataSource.manager, null));
  }

  private unit(manager: EntityManager, cause: MessageContext | null): UnitOfWork<R> {
    return {
      ...this.repositories(manager),
      publish: (topic, payload) => {
        if (!cause) throw new Error(`${topic.name} published by a read`);
        return this.outbox.add(manager, topic, payload, cause);
      },
    };
  }
}
