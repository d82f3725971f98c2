import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { ReportFormatSaved, TOPICS } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { ReportFormatRepository } from './report-format.repository';

const CONSUMER = 'verification.report-format-saved';

/** Keeps each test's parameter names and measuring (linearity) ranges for the rules. */
@Controller()
export class ReportFormatSavedHandler {
  constructor(private readonly dataSource: DataSource, private readonly formats: ReportFormatRepository, private readonly inbox: PgInbox) {}

  @EventPattern(TOPICS.reportFormatSaved.name)
  async onSaved(@Payload() e: ReportFormatSaved, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (await this.inbox.claim(manager, CONSUMER, ctx.envelope.id)) await this.formats.save(manager, e);
    });
  }
}
