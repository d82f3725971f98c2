import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandRequest, CreateReportFormatInput, ReportFormatResult } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox, PgOutbox } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { checkReportFormat, documentReportOf } from './report-format.rules';
import { publishFormatSaved, testWriteOf } from './save-report-format';
import { TestRepository, toReportFormatResult } from './test.repository';

const CONSUMER = 'report-format.create';

/** seed 002 §1 `POST reporting/report-format/create/`: a new test with its report format. */
@Injectable()
export class CreateReportFormatUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tests: TestRepository,
    private readonly outbox: PgOutbox,
    private readonly inbox: PgInbox,
  ) {}

  async execute(request: CommandRequest, ctx: KafkaMessageContext): Promise<ReportFormatResult> {
    const { principal, input } = authenticatedInput(CreateReportFormatInput, request);
    checkReportFormat(input);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, ctx.envelope.id))) {
        return (await this.inbox.storedResponse(manager, CONSUMER, ctx.envelope.id)) as ReportFormatResult;
      }
      const test = await this.tests.insert(manager, testWriteOf(principal.labId, input, documentReportOf(input, null)));
      await publishFormatSaved(manager, this.outbox, test, ctx.causedContext);
      const result = toReportFormatResult(test);
      await this.inbox.saveResponse(manager, CONSUMER, ctx.envelope.id, result);
      return result;
    });
  }
}
