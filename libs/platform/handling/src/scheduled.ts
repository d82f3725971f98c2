import { Envelope, MessageContext, PayloadOf, TopicSpec } from '@labflow/contracts';

/** One pass of a scheduled use case: the time it runs for (a spec passes its own). */
export interface ScheduledRun {
  readonly now: Date;
}

/** A pass's events: no message caused them, so each names its own context (lab, correlation). */
export interface ScheduledPublisher {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  publish<T extends TopicSpec<any>>(topic: T, payload: PayloadOf<T>, cause: MessageContext): Promise<Envelope<PayloadOf<T>>>;
}

/** What a scheduled use case works with: its app's repositories in one transaction, and its outbox. */
export type ScheduledUnitOfWork<R extends object> = Readonly<R> & ScheduledPublisher;

/** `more`: the pass did a full batch, run the next at once; `done`: wait the interval. */
export type PassOutcome = 'more' | 'done';

/** A use case the seam runs on an interval (@HandlesSchedule), not for a message: no input, no inbox claim. */
export interface ScheduledUseCase<R extends object> {
  /** The wait between passes, and after a failed pass (its work stays to do: nothing committed). */
  readonly intervalMs: number;
  execute(run: ScheduledRun, unit: ScheduledUnitOfWork<R>): Promise<PassOutcome>;
}

/**
 * How the seam runs a scheduled use case: one transaction per pass (its repositories, its outbox),
 * no inbox claim (a pass finds its work in the store, which records it done: a repeat finds none).
 */
export interface ScheduleDeclaration {
  kind: 'schedule';
  /** The loop's name (its log lines). */
  name: string;
  /** The span of a pass that publishes (a trace of its own; its events carry it). A pass that publishes nothing records none. */
  span: string;
  /** The span attribute counting the pass's events; null: none. */
  countedAs: string | null;
}

const SCHEDULE = Symbol('labflow.handling.schedule');

/** The use case runs every `intervalMs` in a unit of its own (see ScheduleDeclaration). */
export function HandlesSchedule(options: { name: string; span: string; countedAs?: string }) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (target: new (...args: any[]) => ScheduledUseCase<any>): void => {
    const declaration: ScheduleDeclaration = { kind: 'schedule', name: options.name, span: options.span, countedAs: options.countedAs ?? null };
    Reflect.defineMetadata(SCHEDULE, declaration, target);
  };
}

/** What `useCase` is scheduled as; throws for a class without @HandlesSchedule. */
export function scheduleOf(useCase: object): ScheduleDeclaration {
  const found: ScheduleDeclaration | undefined = Reflect.getMetadata(SCHEDULE, useCase);
  if (!found) throw new Error(`${(useCase as { name?: string }).name ?? 'use case'} declares no @HandlesSchedule`);
  return found;
}

/** Where the seam runs a pass: one transaction with the outbox (or memory, in specs). */
export interface ScheduledUnits<R extends object> {
  scheduled<T>(declaration: ScheduleDeclaration, work: (unit: ScheduledUnitOfWork<R>) => Promise<T>): Promise<T>;
}
