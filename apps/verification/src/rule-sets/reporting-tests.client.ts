import { Inject, Injectable } from '@nestjs/common';
import { Principal, REPORT_FORMAT_QUERIES } from '@labflow/contracts';
import { CommandBus, DomainException, KafkaMessageContext, replyFailure } from '@labflow/platform/kafka';
import { APP_CONFIG, ServiceConfig } from '@labflow/platform/service';

/**
 * Asks reporting (the owner of tests) which parameter indexes a test's format has, so a rule set
 * saved right after its test was created is checked against it (not against an event still on its way).
 */
@Injectable()
export class ReportingTestsClient {
  constructor(@Inject(CommandBus) private readonly bus: CommandBus, @Inject(APP_CONFIG) private readonly config: ServiceConfig) {}

  async parameterIndexesOf(principal: Principal, testId: number, cause: KafkaMessageContext): Promise<number[]> {
    const reply = await this.bus.send(REPORT_FORMAT_QUERIES.parameterIndexes, principal, { testId }, {
      correlationId: cause.envelope.correlationId,
      causationId: cause.envelope.id,
      // well inside the gateway's wait for the whole command, so its caller hears who did not answer
      timeoutMs: Math.floor(this.config.COMMAND_TIMEOUT_MS / 2),
    });
    if (reply.ok) return reply.body.parameterIndexes;
    if (reply.status === 404) throw new DomainException(404, 'TEST_NOT_FOUND', 'Test not found');
    throw replyFailure(reply);
  }
}
