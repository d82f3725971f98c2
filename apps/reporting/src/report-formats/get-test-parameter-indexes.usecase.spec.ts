import { addTest } from '../in-memory-fixtures.fake';
import { failureOf, inMemoryReportingUnit, LAB, labCommand } from '../in-memory-reporting.fake';
import { GetTestParameterIndexesUseCase } from './get-test-parameter-indexes.usecase';

describe('GetTestParameterIndexesUseCase', () => {
  const sut = new GetTestParameterIndexesUseCase();

  it('answers the parameter indexes of the caller\'s test', async () => {
    const unit = inMemoryReportingUnit();
    const test = addTest(unit.tables);
    expect(await sut.execute(labCommand({ testId: test.id }), unit)).toEqual({ testId: test.id, parameterIndexes: [4, 5] });
  });

  it('is 404 for another lab\'s test, like an unknown id', async () => {
    const unit = inMemoryReportingUnit();
    const foreign = addTest(unit.tables, { labId: LAB + 1 });
    expect(await failureOf(sut.execute(labCommand({ testId: foreign.id }), unit))).toEqual({ status: 404, code: 'TEST_NOT_FOUND', message: 'Test not found' });
  });
});
