import { failureOf, inMemoryVerificationUnit, LAB, reviewerCommand } from '../in-memory-verification.fake';
import { decidedReport } from '../review/review-fixtures';
import { DryRunUseCase } from './dry-run.usecase';

const STRICT = { parameters: [4, 5].map((index) => ({ index, referenceRange: true, measuringRange: true, critical: true, delta: null })), blockingParamFlags: [], blockingTestFlags: [], devices: [] };
const LOOSE = { ...STRICT, parameters: STRICT.parameters.map((p) => ({ ...p, referenceRange: false })) };

describe('DryRunUseCase', () => {
  it('decides the reports\' latest inputs again under a version, naming the rejected ones it would release', async () => {
    const unit = inMemoryVerificationUnit();
    await unit.ruleSets.insert(LAB, 10, true, STRICT, '7');
    await unit.ruleSets.insert(LAB, 10, false, LOOSE, '7');
    await decidedReport(unit, 100);
    await decidedReport(unit, 101, false);
    const state = (await unit.states.find(LAB, 100))!;
    await unit.states.save({ ...state, status: 'rejected', rejected: true });
    const sut = new DryRunUseCase();
    expect(await sut.execute(reviewerCommand({ testId: 10, days: 30, version: 1 }), unit)).toMatchObject({
      version: 1, reports: 2, autoVerified: 1, held: 1, heldByRule: { reference_range: 1 }, wouldReleaseChanged: [],
    });
    expect(await sut.execute(reviewerCommand({ testId: 10, days: 30 }), unit)).toMatchObject({
      version: 2, reports: 2, autoVerified: 2, held: 0, wouldReleaseChanged: [{ labReportId: 100, why: ['rejected'] }],
    });
    expect(unit.published).toEqual([]);
  });

  it('is 404 for a version that does not exist', async () => {
    const unit = inMemoryVerificationUnit();
    await unit.ruleSets.insert(LAB, 10, true, STRICT, '7');
    expect(await failureOf(new DryRunUseCase().execute(reviewerCommand({ testId: 10, days: 30, version: 2 }), unit)))
      .toEqual({ status: 404, code: 'RULE_SET_NOT_FOUND', message: 'Rule set not found' });
  });
});
