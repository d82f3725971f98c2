import { Inject, Injectable } from '@nestjs/common';
import { Principal, REPORT_FORMAT_QUERIES } from '@labflow/contracts';
import { CommandBus, DomainException, replyFailure, KafkaMessageContext } from '@labflow/platform/kafka';
import { APP_CONFIG, ServiceConfig } from '@labflow/platform/service';

/**
 * Asks reporting (the owner of tests) over Kafka request/reply whether a test exists in the caller's
 * lab and which parameter indexes its format has. Asked, not learned from `report_format.saved`: a
 * mapping made right after its test was created must not race that event.
 */
@Injectable()
export class ReportingTestsClient {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(APP_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async parameterIndexesOf(principal: Principal, testId: number, cause: KafkaMessageContext): Promise<number[]> {
    const reply = await this.bus.send(REPORT_FORMAT_QUERIES.parameterIndexes, principal, { testId }, {
      correlationId: cause.envelope.correlationId,
      causationId: cause.envelope.id,
      // The gateway waits COMMAND_TIMEOUT_MS for the whole mapping command: give up on reporting well
      // before, so the caller hears that reporting did not answer rather than a timeout of ours.
      timeoutMs: Math.floor(this.config.COMMAND_TIMEOUT_MS / 2),
    });
    if (reply.ok) return reply.body.parameterIndexes;
    if (reply.status === 404) throw new DomainException(404, 'TEST_NOT_FOUND', 'Test not found');
    // reporting unreachable or slow (503/504): the mapping is refused as retryable, never stored unchecked.
    throw replyFailure(reply);
  }
}
