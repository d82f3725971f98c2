import { Injectable } from '@nestjs/common';
import { CommandRequest, TestIdParam, TestParameterIndexes } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { TestRepository } from './test.repository';

/**
 * `reporting.test.parameter-indexes`: whether a test exists in the caller's lab (another lab's is
 * not found, like an unknown id) and which parameter indexes its format has. device-ingestion asks
 * it before storing a device mapping.
 */
@Injectable()
export class TestParameterIndexesQuery {
  constructor(private readonly tests: TestRepository) {}

  async execute(request: CommandRequest): Promise<TestParameterIndexes> {
    const { principal, input } = authenticatedInput(TestIdParam, request);
    const [test] = await this.tests.findByIds(principal.labId, [input.testId]);
    if (!test) throw new DomainException(404, 'TEST_NOT_FOUND', 'Test not found');
    return { testId: test.id, parameterIndexes: test.reportData.map((p) => p.index) };
  }
}
