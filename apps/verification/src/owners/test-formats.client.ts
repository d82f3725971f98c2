import { Inject, Injectable } from '@nestjs/common';
import { MessageContext, Principal, REPORT_FORMAT_QUERIES } from '@labflow/contracts';
import { CommandBus, DomainException, replyFailure } from '@labflow/platform/kafka';
import { APP_CONFIG, ServiceConfig } from '@labflow/platform/service';

/**
 * Asks reporting (the owner of tests) which parameter indexes a test of the caller's lab has, while
 * handling the command `asking` names (same correlation, caused by it), at half the gateway's wait.
 * Asked, not learned from report_format.saved: a rule set saved right after its test is checked.
 */
@Injectable()
export class TestFormatsClient {
  constructor(@Inject(CommandBus) private readonly bus: CommandBus, @Inject(APP_CONFIG) private readonly config: ServiceConfig) {}

  async parameterIndexesOf(principal: Principal, testId: number, asking: { messageId: string; cause: MessageContext }): Promise<number[]> {
    const reply = await this.bus.send(REPORT_FORMAT_QUERIES.parameterIndexes, principal, { testId }, {
      correlationId: asking.cause.correlationId, causationId: asking.messageId, timeoutMs: Math.floor(this.config.COMMAND_TIMEOUT_MS / 2),
    });
    if (reply.ok) return reply.body.parameterIndexes;
    if (reply.status === 404) throw new DomainException(404, 'TEST_NOT_FOUND', 'Test not found');
    // reporting unreachable or slow (503/504): refused as retryable, never stored unchecked
    throw replyFailure(reply);
  }
}
