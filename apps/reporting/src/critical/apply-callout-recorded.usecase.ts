import { Injectable } from '@nestjs/common';
import { AttemptedCalloutView, CriticalCalloutRecorded, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { ReportingUnitOfWork } from '../lab-reports/reporting-unit-of-work';

/**
 * Reporting owns criticalValues: a recorded callout moves the named reports of the bill forward only
 * (pending → attempted → done; a done report never goes back), and a draft becomes the bill's
 * attempted_callout for the records read. A done callout clears the draft, as critical-callout does.
 */
@Injectable()
@HandlesEvent(TOPICS.criticalCalloutRecorded, { consumer: 'reporting.critical-callout-recorded', labIdOf: (e) => e.labId })
export class ApplyCalloutRecordedUseCase {
  async execute(command: Command<CriticalCalloutRecorded>, unit: ReportingUnitOfWork): Promise<void> {
    const e = command.input;
    switch (e.kind) {
      case 'draft':
        await unit.criticalStatus.saveDraft(e.labId, e.billId, e.calloutId, draftView(e));
        return;
      case 'attempted':
        await unit.criticalStatus.advance(e.labId, e.billId, e.labReportIds, 'attempted', ['pending']);
        return;
      case 'done':
        await unit.criticalStatus.advance(e.labId, e.billId, e.labReportIds, 'done', ['pending', 'attempted']);
        await unit.criticalStatus.clearDraft(e.labId, e.billId);
        return;
    }
  }
}

/** seed 001 attempted_callout shape. */
function draftView(e: CriticalCalloutRecorded): AttemptedCalloutView {
  return {
    recipients: e.recipients,
    critical_callout_comment: e.comment ?? null,
    critical_values_meta: e.criticalValuesMeta,
    critical_callout_meta: { communication_methods: e.communicationMethods, callout_for: e.testIds },
  };
}
