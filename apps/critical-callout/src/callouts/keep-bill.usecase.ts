import { Injectable } from '@nestjs/common';
import { BillRegistered, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { CalloutUnitOfWork } from '../critical-callout-unit-of-work';

/** Keeps the bills and reports a callout may name, with the patient name the export shows. */
@Injectable()
@HandlesEvent(TOPICS.billRegistered, { consumer: 'critical-callout.bill-registered', labIdOf: (bill) => bill.labId })
export class KeepBillUseCase {
  async execute(command: Command<BillRegistered>, unit: CalloutUnitOfWork): Promise<void> {
    const bill = command.input;
    await unit.bills.save(
      command.labId,
      { billId: bill.billId, patientName: bill.patient.name, doctorId: bill.doctorId ?? null, organizationId: bill.organizationId ?? null },
      bill.labReports.map((r) => ({ labReportId: r.labReportId, testId: r.testId, testName: r.testName })),
    );
  }
}
