import { AppName } from '../topic';
import { Principal } from '../principal';

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
}

export interface CommandError {
  /** Stable machine code, e.g. NOT_FOUND, RERUN_ALREADY_ACTIVE. */
  code: string;
  message: string;
  details?: unknown;
}

/** The reply: an HTTP status chosen by the owner and either a body or an error. */
export type CommandReply<TResult = unknown> =
  | { ok: true; status: number; body: TResult }
  | { ok: false; status: number; error: CommandError };

export type InputOf<C> = C extends CommandSpec<infer I, unknown> ? I : never;
export type ResultOf<C> = C extends CommandSpec<object, infer R> ? R : never;
