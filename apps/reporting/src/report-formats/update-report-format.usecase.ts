import { Injectable } from '@nestjs/common';
import { REPORT_FORMAT_COMMANDS, ReportFormatResult, UpdateReportFormatInput } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { reportingError } from '../lab-reports/reporting.errors';
import { toReportFormatResult } from '../lab-reports/test.repository';
import { ReportingUnitOfWork } from '../lab-reports/reporting-unit-of-work';
import { checkReportFormat, documentReportOf } from './report-format.rules';
import { formatSaved, testWriteOf } from './save-report-format';

/** seed 002 §1 `POST reporting/report-format/<testId>/update/`: replaces the test's format. */
@Injectable()
@HandlesCommand(REPORT_FORMAT_COMMANDS.update, UpdateReportFormatInput)
export class UpdateReportFormatUseCase {
  async execute(command: Command<UpdateReportFormatInput>, unit: ReportingUnitOfWork): Promise<ReportFormatResult> {
    const { labId, input } = command;
    const { testId, ...body } = input;
    checkReportFormat(body);
    const current = await unit.tests.findForUpdate(labId, testId);
    if (!current) throw reportingError('TEST_NOT_FOUND');
    const test = await unit.tests.replace(testId, testWriteOf(labId, body, documentReportOf(body, current.documentReport)));
    if (!test) throw reportingError('TEST_NOT_FOUND');
    await unit.publish(...formatSaved(test));
    return toReportFormatResult(test);
  }
}
