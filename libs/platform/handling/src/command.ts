import { MessageContext, Principal } from '@labflow/contracts';

/**
 * What a use case is asked to do: its validated input, who asks, and the lab it acts in. Built once
 * by the seam from the message (a use case never re-validates); `labId` is required, so a use case
 * cannot be called without its tenant.
 */
export interface Command<I extends object> {
  readonly labId: number;
  readonly principal: Principal;
  readonly input: I;
  /** The id of the message the command came in: the same on every redelivery or repeat. */
  readonly messageId: string;
  /** Why the events this command causes are written: same correlation, caused by its message. */
  readonly cause: MessageContext;
}

/** One use case: the domain rule only, over the repositories of its unit of work. */
export interface UseCase<C, R, U = unknown> {
  execute(command: C, unitOfWork: U): Promise<R>;
  /**
   * A command whose kept reply must not be answered as kept (a secret kept sealed): what the caller
   * is answered, the first time and on every repeat. Absent: the kept reply itself.
   */
  presented?(kept: R): R;
  /**
   * What the inbox keeps for a repeat when it must not be the first reply (a secret shown once):
   * the first caller is answered the reply, a repeat this. Absent: the reply itself.
   */
  kept?(reply: R): R;
}
