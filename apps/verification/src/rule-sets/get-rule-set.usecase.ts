import { Injectable } from '@nestjs/common';
import { RuleSetView, TestIdPath, VERIFICATION_COMMANDS } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { verificationError } from '../verification.errors';
import { VerificationUnitOfWork } from '../verification-unit-of-work';
import { ruleSetView } from './rule-set.view';

/** GET a test's latest rule set (active or not). */
@Injectable()
@HandlesQuery(VERIFICATION_COMMANDS.getRuleSet, TestIdPath)
export class GetRuleSetUseCase {
  async execute(command: Command<TestIdPath>, unit: VerificationUnitOfWork): Promise<RuleSetView> {
    const found = await unit.ruleSets.find(command.labId, command.input.testId);
    if (!found) throw verificationError('RULE_SET_NOT_FOUND');
    return ruleSetView(found);
  }
}
