import { Injectable } from '@nestjs/common';
import { RuleSetView, SaveRuleSetInput, TOPICS, VERIFICATION_COMMANDS, VerificationActivity } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { TestFormatsClient } from '../owners/test-formats.client';
import { activityOf } from '../review/verification-activity';
import { VerificationUnitOfWork } from '../verification-unit-of-work';
import { checkRuleSet, rulesOf } from './rule-set.rules';
import { ruleSetView } from './rule-set.view';

/** PUT a test's rule set: checked against the test's format (asked of reporting), stored as the next version, audited (1101). */
@Injectable()
@HandlesCommand(VERIFICATION_COMMANDS.saveRuleSet, SaveRuleSetInput, { status: 201, consumer: 'verification.rule-set.save' })
export class SaveRuleSetUseCase {
  constructor(private readonly testFormats: TestFormatsClient) {}

  async execute(command: Command<SaveRuleSetInput>, unit: VerificationUnitOfWork): Promise<RuleSetView> {
    const { labId, principal, input } = command;
    checkRuleSet(input, await this.testFormats.parameterIndexesOf(principal, input.testId, command));
    const saved = ruleSetView(await unit.ruleSets.insert(labId, input.testId, input.active ?? true, rulesOf(input), principal.sub));
    await unit.publish(TOPICS.activityLogged, activityOf(principal, VerificationActivity.RULE_SET_SAVED,
      `Autoverification rule set ${saved.version} of test ${saved.testId} saved`, [saved.active ? 'Active' : 'Inactive (dry runs only)'],
      { testId: saved.testId, version: saved.version }));
    return saved;
  }
}
