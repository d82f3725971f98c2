import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandRequest, ReportFormatResult, UpdateReportFormatInput } from '@labflow/contracts';
import { DomainException, KafkaMessageContext, PgInbox, PgOutbox } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { checkReportFormat, documentReportOf } from './report-format.rules';
import { publishFormatSaved, testWriteOf } from './save-report-format';
import { TestRepository, toReportFormatResult } from './test.repository';

const CONSUMER = 'report-format.update';

/** seed 002 §1 `POST reporting/report-format/<testId>/update/`: replaces the test's format. */
@Injectable()
export class UpdateReportFormatUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tests: TestRepository,
    private readonly outbox: PgOutbox,
    private readonly inbox: PgInbox,
  ) {}

  async execute(request: CommandRequest, ctx: KafkaMessageContext): Promise<ReportFormatResult> {
    const { principal, input } = authenticatedInput(UpdateReportFormatInput, request);
    const { testId, ...body } = input;
    checkReportFormat(body);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, ctx.envelope.id))) {
        return (await this.inbox.storedResponse(manager, CONSUMER, ctx.envelope.id)) as ReportFormatResult;
      }
      const current = await this.tests.findForUpdate(manager, principal.labId, testId);
      if (!current) throw new DomainException(404, 'TEST_NOT_FOUND', 'Test not found');
      const write = testWriteOf(principal.labId, body, documentReportOf(body, current.documentReport));
      const test = await this.tests.replace(manager, testId, write);
      if (!test) throw new DomainException(404, 'TEST_NOT_FOUND', 'Test not found');
      await publishFormatSaved(manager, this.outbox, test, ctx.causedContext);
      const result = toReportFormatResult(test);
      await this.inbox.saveResponse(manager, CONSUMER, ctx.envelope.id, result);
      return result;
    });
  }
}
