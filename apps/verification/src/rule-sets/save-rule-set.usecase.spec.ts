import { MessageContext, Principal, SaveRuleSetInput } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { failureOf, inMemoryVerificationUnit, LAB, reviewerCommand } from '../in-memory-verification.fake';
import { TestFormatsClient } from '../owners/test-formats.client';
import { SaveRuleSetUseCase } from './save-rule-set.usecase';

const RULES: SaveRuleSetInput = { testId: 12, parameters: [{ index: 4, delta: { mode: 'percent', limit: 8, lookBackDays: 30 } }, { index: 5 }], blockingParamFlags: ['W'], blockingTestFlags: [] };

/** Reporting as asked: the test's parameter indexes, or its 404. */
function testFormats(indexes: number[] | null) {
  const asked: { testId: number; messageId: string }[] = [];
  const client = {
    async parameterIndexesOf(_p: Principal, testId: number, asking: { messageId: string; cause: MessageContext }) {
      asked.push({ testId, messageId: asking.messageId });
      if (!indexes) throw new DomainException(404, 'TEST_NOT_FOUND', 'Test not found');
      return indexes;
    },
  };
  return { client: client as unknown as TestFormatsClient, asked };
}

describe('SaveRuleSetUseCase', () => {
  it('stores the next version with every check explicit and audits it (1101)', async () => {
    const unit = inMemoryVerificationUnit();
    const { client, asked } = testFormats([4, 5, 6]);
    const sut = new SaveRuleSetUseCase(client);
    expect(await sut.execute(reviewerCommand(RULES), unit)).toMatchObject({ testId: 12, version: 1, active: true });
    const second = await sut.execute(reviewerCommand({ ...RULES, active: false }), unit);
    expect(second).toMatchObject({ version: 2, active: false, parameters: [{ index: 4, referenceRange: true, measuringRange: true, critical: true }, { index: 5, delta: null }] });
    expect(asked).toEqual([{ testId: 12, messageId: 'spec-message' }, { testId: 12, messageId: 'spec-message' }]);
    expect(unit.published.map((e) => [e.topic, (e.payload as { logCategoryId: number; activityText: string }).activityText])).toEqual([
      ['activity.logged', 'Autoverification rule set 1 of test 12 saved by - Dr. Verify, Active'],
      ['activity.logged', 'Autoverification rule set 2 of test 12 saved by - Dr. Verify, Inactive (dry runs only)'],
    ]);
  });

  it('is 400 naming the field for an index the test lacks, storing and publishing nothing', async () => {
    const unit = inMemoryVerificationUnit();
    const sut = new SaveRuleSetUseCase(testFormats([4, 6]).client);
    expect(await failureOf(sut.execute(reviewerCommand(RULES), unit)))
      .toEqual({ status: 400, code: 'UNKNOWN_TEST_PARAMETER', message: 'parameters.1.index 5 is not a parameter of this test' });
    expect(await failureOf(sut.execute(reviewerCommand({ ...RULES, parameters: [{ index: 4 }, { index: 4 }] }), unit)))
      .toEqual({ status: 400, code: 'VALIDATION_FAILED', message: 'parameters.1.index 4 is repeated' });
    expect([unit.ruleSets.rows, unit.published]).toEqual([[], []]);
  });

  it('relays reporting\'s 404 for another lab\'s or an unknown test, storing nothing', async () => {
    const unit = inMemoryVerificationUnit();
    const refused = await new SaveRuleSetUseCase(testFormats(null).client).execute(reviewerCommand(RULES), unit).catch((e: DomainException) => e);
    expect(refused).toMatchObject({ status: 404, code: 'TEST_NOT_FOUND' });
    expect(await unit.ruleSets.find(LAB, 12)).toBeNull();
  });
});
