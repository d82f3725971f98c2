import { Injectable } from '@nestjs/common';
import { REPORT_FORMAT_QUERIES, TestIdParam, TestParameterIndexes } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { reportingError } from '../lab-reports/reporting.errors';
import { ReportingUnitOfWork } from '../lab-reports/reporting-unit-of-work';

/**
 * `reporting.test.parameter-indexes`: whether a test exists in the caller's lab (another lab's is
 * not found, like an unknown id) and which parameter indexes its format has. device-ingestion asks
 * it before storing a device mapping.
 */
@Injectable()
@HandlesQuery(REPORT_FORMAT_QUERIES.parameterIndexes, TestIdParam)
export class GetTestParameterIndexesUseCase {
  async execute(command: Command<TestIdParam>, unit: ReportingUnitOfWork): Promise<TestParameterIndexes> {
    const [test] = await unit.tests.findByIds(command.labId, [command.input.testId]);
    if (!test) throw reportingError('TEST_NOT_FOUND');
    return { testId: test.id, parameterIndexes: test.reportData.map((p) => p.index) };
  }
}
