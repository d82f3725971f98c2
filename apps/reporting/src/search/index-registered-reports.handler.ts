import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { BillRegistered, TOPICS } from '@labflow/contracts';
import { LabReportIndex } from './lab-report-index';

/**
 * Reporting reads its own bill.registered to index the new lab reports after the registration
 * committed. No inbox: the projection writes current state by id, so a redelivery is harmless.
 */
@Controller()
export class IndexRegisteredReportsHandler {
  constructor(private readonly index: LabReportIndex) {}

  @EventPattern(TOPICS.billRegistered.name)
  async onBillRegistered(@Payload() event: BillRegistered): Promise<void> {
    await this.index.reindex(event.labId, event.labReports.map((r) => r.labReportId));
  }
}
