import { CommandReply, CommandSpec, InputOf, MessageContext, Principal, ResultOf } from '@labflow/contracts';
import { CommandBus, KafkaMessageContext } from '@labflow/platform/kafka';
import { ServiceConfig } from '../service.config';

/** What an ask is caused by: the message being handled, or a use case's command (Command.cause, behind the handling seam). */
export type AskCause = Pick<KafkaMessageContext, 'envelope'> | MessageContext;

/**
 * Asks the app that owns some data, while handling `cause` (same correlation, caused by it), and
 * gives up at half the gateway's wait for the whole command, so the caller hears that the owner did
 * not answer (a retryable 503/504) rather than a timeout of the asking app.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function askOwner<C extends CommandSpec<any, any>>(
  bus: CommandBus, config: ServiceConfig, spec: C, principal: Principal, input: InputOf<C>, cause: AskCause,
): Promise<CommandReply<ResultOf<C>>> {
  return bus.send(spec, principal, input, {
    correlationId: 'envelope' in cause ? cause.envelope.correlationId : cause.correlationId,
    causationId: 'envelope' in cause ? cause.envelope.id : cause.causationId,
    timeoutMs: Math.floor(config.COMMAND_TIMEOUT_MS / 2),
  });
}
