import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { BillRegistered, TOPICS } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { CalloutBillRepository } from './bill.repository';

const CONSUMER = 'critical-callout.bill-registered';

/** Keeps the bills and reports a callout may name, with the patient name the export shows. */
@Controller()
export class BillRegisteredHandler {
  constructor(private readonly dataSource: DataSource, private readonly bills: CalloutBillRepository, private readonly inbox: PgInbox) {}

  @EventPattern(TOPICS.billRegistered.name)
  async onBillRegistered(@Payload() event: BillRegistered, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, ctx.envelope.id))) return;
      await this.bills.save(
        manager, event.labId,
        { billId: event.billId, patientName: event.patient.name, doctorId: event.doctorId ?? null, organizationId: event.organizationId ?? null },
        event.labReports.map((r) => ({ labReportId: r.labReportId, testId: r.testId, testName: r.testName })),
      );
    });
  }
}
