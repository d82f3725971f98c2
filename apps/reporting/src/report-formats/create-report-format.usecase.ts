import { Injectable } from '@nestjs/common';
import { CreateReportFormatInput, REPORT_FORMAT_COMMANDS, ReportFormatResult } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { toReportFormatResult } from '../lab-reports/test.repository';
import { ReportingUnitOfWork } from '../lab-reports/reporting-unit-of-work';
import { checkReportFormat, documentReportOf } from './report-format.rules';
import { formatSaved, testWriteOf } from './save-report-format';

/** seed 002 §1 `POST reporting/report-format/create/`: a new test with its report format. */
@Injectable()
@HandlesCommand(REPORT_FORMAT_COMMANDS.create, CreateReportFormatInput, { status: 201 })
export class CreateReportFormatUseCase {
  async execute(command: Command<CreateReportFormatInput>, unit: ReportingUnitOfWork): Promise<ReportFormatResult> {
    const { labId, input } = command;
    checkReportFormat(input);
    const test = await unit.tests.insert(testWriteOf(labId, input, documentReportOf(input, null)));
    // report_format.saved in the same transaction: rerun and critical-callout keep their own copy
    await unit.publish(...formatSaved(test));
    return toReportFormatResult(test);
  }
}
