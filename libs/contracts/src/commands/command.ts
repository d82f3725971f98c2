import { AppName } from '../topic';
import { Principal } from '../principal';
import { WrittenEvent } from '../consistency/written-event';

/**
 * A command or query the gateway sends to the app that owns it (Kafka request/reply).
 * `TInput` is the validated request: path params, query and body merged into one object.
 */
export interface CommandSpec<TInput extends object, TResult> {
  readonly pattern: string;
  readonly app: AppName;
  /** Phantom fields that carry the types; never set. */
  readonly _input?: TInput;
  readonly _result?: TResult;
}

export function defineCommand<TInput extends object, TResult>(
  app: AppName,
  pattern: string,
): CommandSpec<TInput, TResult> {
  return Object.freeze({ app, pattern });
}

export interface CommandRequest<TInput = unknown> {
  principal: Principal | null;
  input: TInput;
  /** Read your writes: events of the caller's earlier writes the serving app applies before this command runs. */
  awaits?: WrittenEvent[];
}

export interface CommandError {
  /** Stable machine code, e.g. NOT_FOUND, RERUN_ALREADY_ACTIVE. */
  code: string;
  message: string;
  details?: unknown;
}

/** What a reply says about consistency (read your writes); both absent on most replies. */
export interface ReplyConsistency {
  /** The events the command committed: the caller's next commands wait until their consumers applied them. */
  written?: WrittenEvent[];
  /** The command waited its bound for `awaits` and was served without all of them applied. */
  stale?: boolean;
  /** How long the command waited for `awaits` (absent: it awaited nothing of its app's topics). */
  waitedMs?: number;
}

/** The reply: an HTTP status chosen by the owner and either a body or an error. */
export type CommandReply<TResult = unknown> =
  | ({ ok: true; status: number; body: TResult } & ReplyConsistency)
  | ({ ok: false; status: number; error: CommandError } & ReplyConsistency);

export type InputOf<C> = C extends CommandSpec<infer I, unknown> ? I : never;
export type ResultOf<C> = C extends CommandSpec<object, infer R> ? R : never;
