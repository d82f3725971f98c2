import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandRequest, RuleSetView, TestIdPath } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { RuleSetRepository } from './rule-set.repository';
import { ruleSetView } from './rule-set.view';

/** GET a test's latest rule set (active or not). */
@Injectable()
export class GetRuleSetUseCase {
  constructor(private readonly dataSource: DataSource, private readonly ruleSets: RuleSetRepository) {}

  async execute(request: CommandRequest): Promise<RuleSetView> {
    const { principal, input } = authenticatedInput(TestIdPath, request);
    const found = await this.ruleSets.find(this.dataSource.manager, principal.labId, input.testId);
    if (!found) throw new DomainException(404, 'RULE_SET_NOT_FOUND', 'Rule set not found');
    return ruleSetView(found);
  }
}
