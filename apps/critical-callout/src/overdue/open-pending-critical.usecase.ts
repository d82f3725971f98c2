import { Injectable } from '@nestjs/common';
import { ReportValuesUpdated, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { CalloutUnitOfWork } from '../critical-callout-unit-of-work';

/** Only an applied update that left critical values pending starts a clock (the others are not claimed). */
const startsTheClock = (e: ReportValuesUpdated): boolean => e.applied && e.criticalValues === 'pending';

/** Starts the overdue clock when reporting set a report's criticalValues to pending. */
@Injectable()
@HandlesEvent(TOPICS.reportValuesUpdated, { consumer: 'critical-callout.report-values-updated', labIdOf: (e) => e.labId, appliesTo: startsTheClock })
export class OpenPendingCriticalUseCase {
  async execute(command: Command<ReportValuesUpdated>, unit: CalloutUnitOfWork): Promise<void> {
    const e = command.input;
    await unit.pending.open({ labId: command.labId, labReportId: e.labReportId, billId: e.billId, testId: e.testId, since: e.updatedAt });
  }
}
