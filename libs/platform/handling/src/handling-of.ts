import { InjectionToken, Provider, Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PgInbox, PgOutbox, Queryable } from '@labflow/platform/kafka';
import { ErrorEntry, ErrorTable } from './domain-error';
import { Handling } from './handling';
import { messageHandlers } from './message-handlers';
import { PgScheduledUnits } from './pg-scheduled-units';
import { PgUnitsOfWork } from './pg-units-of-work';
import { ScheduledRuns } from './scheduled-runs';
import { ScheduledUseCase } from './scheduled';
import { RepositoriesFactory } from './unit-of-work';

export interface HandlingOptions<R extends object> {
  /** The app's one table of domain error codes. */
  errors: ErrorTable<Record<string, ErrorEntry>>;
  /** The app's repositories over one session of its PostgreSQL schema. */
  repositories: RepositoriesFactory<R>;
  /** The declared use cases (@HandlesQuery, @HandlesCommand, @HandlesEvent) the app answers. */
  useCases: Type<object>[];
  /** The scheduled use cases (@HandlesSchedule) the app runs on their intervals. */
  scheduled?: Type<ScheduledUseCase<R>>[];
  /** Other stores its repositories use (e.g. ELASTICSEARCH), handed to `repositories` after the session. */
  inject?: InjectionToken[];
}

/**
 * What an app's module adds to put its use cases behind the seam, on its PostgreSQL store
 * (PlatformModule's DataSource, inbox and outbox): the generated handlers' controller, the use cases
 * (which may inject the app's own providers: config, policies) and the seam itself; with `scheduled`,
 * those use cases and the loops that run them (ScheduledRuns).
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
      ...scheduledProviders(options),
    ],
  };
}

function scheduledProviders<R extends object>(options: HandlingOptions<R>): Provider[] {
  const scheduled = options.scheduled ?? [];
  if (scheduled.length === 0) return [];
  return [
    ...scheduled,
    {
      provide: ScheduledRuns,
      inject: [DataSource, PgOutbox, ...(options.inject ?? []), ...scheduled],
      useFactory: (dataSource: DataSource, outbox: PgOutbox, ...rest: unknown[]) => {
        const stores = rest.slice(0, options.inject?.length ?? 0);
        const useCases = rest.slice(stores.length) as ScheduledUseCase<R>[];
        const repositories = (session: Queryable) => options.repositories(session, ...stores);
        return new ScheduledRuns(new PgScheduledUnits(dataSource, outbox, repositories), useCases);
      },
    },
  ];
}
