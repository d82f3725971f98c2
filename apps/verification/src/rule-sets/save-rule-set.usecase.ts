import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandRequest, RuleSetView, SaveRuleSetInput, TOPICS, VerificationActivity } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox, PgOutbox } from '@labflow/platform/kafka';
import { authenticatedInput, ReportingTestsClient } from '@labflow/platform/service';
import { activityOf } from '../review/verification-activity';
import { RuleSetRepository } from './rule-set.repository';
import { checkRuleSet, rulesOf } from './rule-set.rules';
import { ruleSetView } from './rule-set.view';

const CONSUMER = 'verification.rule-set.save';

/** PUT a test's rule set: checked against the test's format (asked of reporting), stored as the next version. */
@Injectable()
export class SaveRuleSetUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ruleSets: RuleSetRepository,
    private readonly reportingTests: ReportingTestsClient,
    private readonly outbox: PgOutbox,
    private readonly inbox: PgInbox,
  ) {}

  async execute(request: CommandRequest, ctx: KafkaMessageContext): Promise<RuleSetView> {
    const { principal, input } = authenticatedInput(SaveRuleSetInput, request);
    const replayed = await this.inbox.storedResponse(this.dataSource.manager, CONSUMER, ctx.envelope.id);
    if (replayed) return replayed as RuleSetView;
    checkRuleSet(input, await this.reportingTests.parameterIndexesOf(principal, input.testId, ctx));
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, ctx.envelope.id))) {
        return (await this.inbox.storedResponse(manager, CONSUMER, ctx.envelope.id)) as RuleSetView;
      }
      const saved = ruleSetView(await this.ruleSets.insert(manager, principal.labId, input.testId, input.active ?? true, rulesOf(input), principal.sub));
      await this.outbox.add(manager, TOPICS.activityLogged, activityOf(principal, VerificationActivity.RULE_SET_SAVED,
        `Autoverification rule set ${saved.version} of test ${saved.testId} saved`, [saved.active ? 'Active' : 'Inactive (dry runs only)'], { testId: saved.testId, version: saved.version }), ctx.causedContext);
      await this.inbox.saveResponse(manager, CONSUMER, ctx.envelope.id, saved);
      return saved;
    });
  }
}
