import { DataSource } from 'typeorm';
import { PgOutbox } from '@labflow/platform/kafka';
import { BackgroundSpan, traceOnceFound } from '@labflow/platform/observability';
import { ScheduleDeclaration, ScheduledUnits, ScheduledUnitOfWork } from './scheduled';
import { RepositoriesFactory } from './unit-of-work';

/**
 * A scheduled pass on a service's PostgreSQL schema: its state change and its events (PgOutbox.add)
 * commit together or not at all, so each event is written once even with several instances running
 * (the repository locks what it takes, SKIP LOCKED) or after a crash. The first event begins the
 * pass's span (current while the events are written, so their consumers join its trace); it ends
 * after the commit.
 */
export class PgScheduledUnits<R extends object> implements ScheduledUnits<R> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: PgOutbox,
    private readonly repositories: RepositoriesFactory<R>,
  ) {}

  scheduled<T>(declaration: ScheduleDeclaration, work: (unit: ScheduledUnitOfWork<R>) => Promise<T>): Promise<T> {
    return traceOnceFound((begin) => this.dataSource.transaction(async (manager) => {
      const pass: { span?: BackgroundSpan; published: number } = { published: 0 };
      const unit: ScheduledUnitOfWork<R> = {
        ...this.repositories(manager),
        publish: (topic, payload, cause) => {
          pass.span ??= begin(declaration.span);
          pass.published += 1;
          if (declaration.countedAs) pass.span.setAttribute(declaration.countedAs, pass.published);
          return pass.span.run(() => this.outbox.add(manager, topic, payload, cause));
        },
      };
      return work(unit);
    }));
  }
}
