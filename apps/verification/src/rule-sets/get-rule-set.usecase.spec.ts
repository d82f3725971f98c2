import { failureOf, inMemoryVerificationUnit, LAB, reviewerCommand } from '../in-memory-verification.fake';
import { GetRuleSetUseCase } from './get-rule-set.usecase';

const RULES = { parameters: [], blockingParamFlags: ['W'], blockingTestFlags: [], devices: [] };

describe('GetRuleSetUseCase', () => {
  it('answers the latest version, active or not', async () => {
    const unit = inMemoryVerificationUnit();
    await unit.ruleSets.insert(LAB, 12, true, RULES, '7');
    await unit.ruleSets.insert(LAB, 12, false, RULES, '8');
    expect(await new GetRuleSetUseCase().execute(reviewerCommand({ testId: 12 }), unit)).toMatchObject({ testId: 12, version: 2, active: false, createdBy: '8' });
  });

  it('is 404 for a test without one, and for another lab\'s', async () => {
    const unit = inMemoryVerificationUnit();
    await unit.ruleSets.insert(LAB + 1, 12, true, RULES, '7');
    expect(await failureOf(new GetRuleSetUseCase().execute(reviewerCommand({ testId: 12 }), unit)))
      .toEqual({ status: 404, code: 'RULE_SET_NOT_FOUND', message: 'Rule set not found' });
  });
});
