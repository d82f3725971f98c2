import { Injectable } from '@nestjs/common';
import { BillRegistered, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { DeviceIngestionUnitOfWork } from '../device-ingestion-unit-of-work';

/** Keeps which lab reports (tests) each sample carries, so analyzer results find their reports. */
@Injectable()
@HandlesEvent(TOPICS.billRegistered, { consumer: 'device-ingestion.bill-registered', labIdOf: (bill) => bill.labId })
export class RecordSampleReportsUseCase {
  async execute(command: Command<BillRegistered>, unit: DeviceIngestionUnitOfWork): Promise<void> {
    const bill = command.input;
    const bySample = new Map<string, { labReportId: number; testId: number; billId: number }[]>();
    for (const r of bill.labReports) {
      const reports = bySample.get(r.sampleId) ?? [];
      reports.push({ labReportId: r.labReportId, testId: r.testId, billId: bill.billId });
      bySample.set(r.sampleId, reports);
    }
    for (const [sampleId, reports] of bySample) await unit.samples.addAll(command.labId, sampleId, reports);
  }
}
