import { CommandReply, CommandSpec, InputOf, Principal, ResultOf } from '@labflow/contracts';
import { CommandBus, KafkaMessageContext } from '@labflow/platform/kafka';
import { ServiceConfig } from '../service.config';

/**
 * Asks the app that owns some data, while handling `cause` (same correlation, caused by it), and
 * gives up at half the gateway's wait for the whole command, so the caller hears that the owner did
 * not answer (a retryable 503/504) rather than a timeout of the asking app.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function askOwner<C extends CommandSpec<any, any>>(
  bus: CommandBus, config: ServiceConfig, spec: C, principal: Principal, input: InputOf<C>, cause: KafkaMessageContext,
): Promise<CommandReply<ResultOf<C>>> {
  return bus.send(spec, principal, input, {
    correlationId: cause.envelope.correlationId,
    causationId: cause.envelope.id,
    timeoutMs: Math.floor(config.COMMAND_TIMEOUT_MS / 2),
  });
}
