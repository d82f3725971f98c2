import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { ReportValuesUpdated, TOPICS } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { PendingCriticalRepository } from './pending-critical.repository';

const CONSUMER = 'critical-callout.report-values-updated';

/** Starts the overdue clock when reporting set a report's criticalValues to pending. */
@Controller()
export class ReportValuesUpdatedHandler {
  constructor(private readonly dataSource: DataSource, private readonly pending: PendingCriticalRepository, private readonly inbox: PgInbox) {}

  @EventPattern(TOPICS.reportValuesUpdated.name)
  async onValuesUpdated(@Payload() e: ReportValuesUpdated, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    if (!e.applied || e.criticalValues !== 'pending') return;
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, ctx.envelope.id))) return;
      await this.pending.open(manager, { labId: e.labId, labReportId: e.labReportId, billId: e.billId, testId: e.testId, since: e.updatedAt });
    });
  }
}
