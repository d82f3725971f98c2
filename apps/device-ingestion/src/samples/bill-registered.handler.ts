import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { BillRegistered, TOPICS } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { SampleRepository } from './sample.repository';

const CONSUMER = 'device-ingestion.bill-registered';

/** Keeps which lab reports (tests) each sample carries, so analyzer results find their reports. */
@Controller()
export class BillRegisteredHandler {
  constructor(private readonly dataSource: DataSource, private readonly samples: SampleRepository, private readonly inbox: PgInbox) {}

  @EventPattern(TOPICS.billRegistered.name)
  async onBillRegistered(@Payload() event: BillRegistered, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, ctx.envelope.id))) return;
      for (const r of event.labReports) {
        await this.samples.add(manager, event.labId, r.sampleId, { labReportId: r.labReportId, testId: r.testId, billId: event.billId });
      }
    });
  }
}
