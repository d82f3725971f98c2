import { CommandSpec, PayloadClass, TopicSpec } from '@labflow/contracts';
import { Command, UseCase } from './command';

/**
 * How the seam handles one use case's message:
 * - `query`: validated, answered; no transaction, no inbox, no events.
 * - `command`: validated, then one transaction that claims the command's id, runs the use case and
 *   keeps its reply: a repeat (same Idempotency-Key, or a redelivery) answers the kept reply, unapplied.
 * - `event`: one transaction that claims the envelope id and runs the use case: a repeat has no effect.
 */
export type Declaration = QueryDeclaration | CommandDeclaration | EventDeclaration;

interface Answered {
  pattern: string;
  /** The input class (one per use case), or null for a command that takes none (the principal only). */
  input: PayloadClass<object> | null;
  /** The status of a success (the specification's). */
  status: number;
}

export interface QueryDeclaration extends Answered {
  kind: 'query';
  /** A query that carries no principal (a device's token in its input, checked by the use case): as CommandDeclaration.labIdOf. */
  labIdOf: ((input: object) => number) | null;
}

export interface CommandDeclaration extends Answered {
  kind: 'command';
  /** The inbox's consumer name: the command's pattern unless an earlier release used another. */
  consumer: string;
  /**
   * `inbox` (the default): the seam claims the command's id as above. `use-case`: the use case claims
   * its own effect by a key of its input (one guarded statement, PgOutbox.addGuarded, that stores its
   * row and its events or, on a repeat, neither); the seam runs it without an inbox claim or a
   * transaction, and keeps no reply (the use case answers a repeat itself).
   */
  claimedBy: 'inbox' | 'use-case';
  /**
   * A command that carries no principal (a device authenticated by a token in its input, checked by
   * the use case): its lab is `labIdOf(input)`, its principal that lab's system principal. Null: a
   * principal is required (401 without one).
   */
  labIdOf: ((input: object) => number) | null;
}

export interface EventDeclaration {
  kind: 'event';
  pattern: string;
  consumer: string;
  /** The lab the event belongs to, when its envelope does not say. */
  labIdOf: ((payload: object) => number) | null;
  /**
   * Which events the use case applies; another is acknowledged without a unit (no claim, no effect).
   * Only for events no command writes: a command's caller may wait for its events' claims (read your writes).
   */
  appliesTo: ((payload: object) => boolean) | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type UseCaseClass<C, R> = new (...args: any[]) => UseCase<C, R, any>;

const DECLARATION = Symbol('labflow.handling.declaration');

interface AnswerOptions {
  status?: number;
}

/** The use case answers `spec` and writes nothing. */
export function HandlesQuery<I extends object, R>(
  spec: CommandSpec<I, R>, input: PayloadClass<I> | null, options: AnswerOptions & { labIdOf?: (input: I) => number } = {},
) {
  return (target: UseCaseClass<Command<I>, R>): void => {
    const labIdOf = (options.labIdOf as ((input: object) => number) | undefined) ?? null;
    declare(target, { kind: 'query', pattern: spec.pattern, input, status: options.status ?? 200, labIdOf });
  };
}

/** The use case applies `spec` once per command id (see Declaration). */
export function HandlesCommand<I extends object, R>(
  spec: CommandSpec<I, R>, input: PayloadClass<I> | null,
  options: AnswerOptions & { consumer?: string; claimedBy?: 'inbox' | 'use-case'; labIdOf?: (input: I) => number } = {},
) {
  return (target: UseCaseClass<Command<I>, R>): void => {
    const labIdOf = (options.labIdOf as ((input: object) => number) | undefined) ?? null;
    declare(target, {
      kind: 'command', pattern: spec.pattern, input, status: options.status ?? 200, consumer: options.consumer ?? spec.pattern,
      claimedBy: options.claimedBy ?? 'inbox', labIdOf,
    });
  };
}

/** The use case applies each event of `topic` once (its payload is validated by the transport). */
export function HandlesEvent<P extends object>(
  topic: TopicSpec<P>, options: { consumer: string; labIdOf?: (payload: P) => number; appliesTo?: (payload: P) => boolean },
) {
  return (target: UseCaseClass<Command<P>, unknown>): void => {
    const labIdOf = (options.labIdOf as ((payload: object) => number) | undefined) ?? null;
    const appliesTo = (options.appliesTo as ((payload: object) => boolean) | undefined) ?? null;
    declare(target, { kind: 'event', pattern: topic.name, consumer: options.consumer, labIdOf, appliesTo });
  };
}

function declare(target: object, declaration: Declaration): void {
  Reflect.defineMetadata(DECLARATION, declaration, target);
}

/** What `useCase` handles; throws for a class declared with none of the decorators above. */
export function declarationOf(useCase: object): Declaration {
  const found: Declaration | undefined = Reflect.getMetadata(DECLARATION, useCase);
  if (!found) throw new Error(`${(useCase as { name?: string }).name ?? 'use case'} declares no @HandlesQuery, @HandlesCommand or @HandlesEvent`);
  return found;
}
