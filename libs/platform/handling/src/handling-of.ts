import { InjectionToken, Provider, Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PgInbox, PgOutbox, Queryable } from '@labflow/platform/kafka';
import { ErrorEntry, ErrorTable } from './domain-error';
import { Handling } from './handling';
import { messageHandlers } from './message-handlers';
import { PgUnitsOfWork } from './pg-units-of-work';
import { RepositoriesFactory } from './unit-of-work';

export interface HandlingOptions<R extends object> {
  /** The app's one table of domain error codes. */
  errors: ErrorTable<Record<string, ErrorEntry>>;
  /** The app's repositories over one session of its PostgreSQL schema. */
  repositories: RepositoriesFactory<R>;
  /** The declared use cases (@HandlesQuery, @HandlesCommand, @HandlesEvent) the app answers. */
  useCases: Type<object>[];
  /** Other stores its repositories use (e.g. ELASTICSEARCH), handed to `repositories` after the session. */
  inject?: InjectionToken[];
}

/**
 * What an app's module adds to put its use cases behind the seam, on its PostgreSQL store
 * (PlatformModule's DataSource, inbox and outbox): the generated handlers' controller, the use cases
 * (which may inject the app's own providers: config, policies) and the seam itself.
 */
export function handlingOf<R extends object>(options: HandlingOptions<R>): { controllers: Type<unknown>[]; providers: Provider[] } {
  return {
    controllers: [messageHandlers(...options.useCases)],
    providers: [
      ...options.useCases,
      {
        provide: Handling,
        inject: [DataSource, PgInbox, PgOutbox, ...(options.inject ?? [])],
        useFactory: (dataSource: DataSource, inbox: PgInbox, outbox: PgOutbox, ...stores: unknown[]) => {
          const repositories = (session: Queryable) => options.repositories(session, ...stores);
          return new Handling(new PgUnitsOfWork(dataSource, inbox, outbox, repositories), options.errors);
        },
      },
    ],
  };
}
