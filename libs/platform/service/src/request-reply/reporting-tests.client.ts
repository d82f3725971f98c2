import { Inject, Injectable } from '@nestjs/common';
import { Principal, REPORT_FORMAT_QUERIES } from '@labflow/contracts';
import { CommandBus, DomainException, replyFailure } from '@labflow/platform/kafka';
import { APP_CONFIG } from '../tokens';
import { ServiceConfig } from '../service.config';
import { AskCause, askOwner } from './ask-owner';

/**
 * Asks reporting (the owner of tests) whether a test exists in the caller's lab and which parameter
 * indexes its format has. Asked, not learned from `report_format.saved`: a device mapping or a rule
 * set made right after its test was created must not race that event. Provided by the apps that ask
 * (device-ingestion, verification), beside RequestReplyModule.
 */
@Injectable()
export class ReportingTestsClient {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(APP_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async parameterIndexesOf(principal: Principal, testId: number, cause: AskCause): Promise<number[]> {
    const reply = await askOwner(this.bus, this.config, REPORT_FORMAT_QUERIES.parameterIndexes, principal, { testId }, cause);
    if (reply.ok) return reply.body.parameterIndexes;
    if (reply.status === 404) throw new DomainException(404, 'TEST_NOT_FOUND', 'Test not found');
    // reporting unreachable or slow (503/504): refused as retryable, never stored unchecked.
    throw replyFailure(reply);
  }
}
