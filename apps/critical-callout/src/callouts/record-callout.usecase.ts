import { Injectable } from '@nestjs/common';
import {
  ActivityLogged, CRITICAL_CALLOUT_LOG_CATEGORY, CRITICAL_COMMANDS, CriticalCalloutRecorded, Principal,
  RecordCalloutInput, RecordCalloutResult, TOPICS,
} from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { CalloutUnitOfWork } from '../critical-callout-unit-of-work';
import { CalloutBillReport } from './bill.repository';
import { CalloutWrite } from './callout.repository';
import { activityText } from './callout-activity';
import { calloutError } from './callout.errors';

/**
 * POST /report/:billId/critical/callout — the write seed 001 implies: a draft (replaces the bill's
 * earlier draft, no status change), an attempt or a done callout for chosen reports of the bill.
 * One unit: callout rows, activity 648 per report and critical.callout_recorded (reporting
 * then moves criticalValues pending → attempted → done; it owns that field).
 */
@Injectable()
@HandlesCommand(CRITICAL_COMMANDS.recordCallout, RecordCalloutInput, { status: 201, consumer: 'critical-callout.record' })
export class RecordCalloutUseCase {
  async execute(command: Command<RecordCalloutInput>, unit: CalloutUnitOfWork): Promise<RecordCalloutResult> {
    const { labId, input } = command;
    checkCompleteness(input);
    const bill = await unit.bills.find(labId, input.billId);
    if (!bill) throw calloutError('BILL_NOT_FOUND');
    const ids = [...new Set(input.lab_report_ids)];
    const reports = await unit.bills.reportsOfBill(labId, input.billId, ids);
    const missing = ids.find((id) => !reports.some((r) => r.labReportId === id));
    if (missing !== undefined) throw calloutError('LAB_REPORT_NOT_FOUND', String(missing), String(input.billId));

    const write = toWrite(labId, input, reports, command.principal);
    const saved = input.status === 'draft'
      ? await unit.callouts.replaceDraft(write)
      : await unit.callouts.insertForReports(write, ids);
    // A done callout closes the episode: the draft is not restored any more.
    if (input.status === 'done') {
      await unit.callouts.deleteDraft(labId, input.billId);
      await unit.pending.closeByCallout(labId, input.billId, reports);
    }
    await publish(unit, write, saved, ids);
    return { calloutId: saved.id, billId: input.billId, status: input.status, lab_report_ids: ids, created_on: saved.createdOn.toISOString() };
  }
}

async function publish(unit: CalloutUnitOfWork, w: CalloutWrite, saved: { id: number; createdOn: Date }, ids: number[]): Promise<void> {
  const recorded: CriticalCalloutRecorded = {
    calloutId: saved.id, labId: w.labId, billId: w.billId, kind: w.kind, labReportIds: ids, testIds: w.calloutFor,
    recipients: w.recipients, communicationMethods: w.communicationMethods, comment: w.comment ?? undefined,
    criticalValuesMeta: w.criticalValuesMeta, contactedPerson: w.contactedPerson ?? undefined, readBack: w.readBack ?? undefined,
    performedByUserId: w.performedByUserId, performedByName: w.performedByName, recordedAt: saved.createdOn.toISOString(),
  };
  await unit.publish(TOPICS.criticalCalloutRecorded, recorded);
  for (const labReportId of ids) {
    const entry: ActivityLogged = {
      labId: w.labId, logCategoryId: CRITICAL_CALLOUT_LOG_CATEGORY, labReportId, billId: w.billId,
      userId: w.performedByUserId, labUserName: w.performedByName, activityText: activityText(w),
      meta: {
        is_draft: w.kind === 'draft', status: w.kind, callout_id: saved.id, lab_report_id: labReportId,
        method: w.communicationMethods.join(', '), communication_methods: w.communicationMethods,
        recipients: w.recipients.join(', '), comment: w.comment, contacted_person: w.contactedPerson,
        read_back: w.readBack, callout_for: w.calloutFor,
      },
      activityDate: saved.createdOn.toISOString(),
    };
    await unit.publish(TOPICS.activityLogged, entry);
  }
}

/** CLSI GP47: a completed notification names who received it and whether they read the value back. */
function checkCompleteness(input: RecordCalloutInput): void {
  if (input.status === 'draft') return;
  if (input.recipients.length === 0) throw calloutError('VALIDATION_FAILED', 'recipients must not be empty');
  if (input.communication_methods.length === 0) throw calloutError('VALIDATION_FAILED', 'communication_methods must not be empty');
  if (input.status === 'done' && (input.contacted_person === undefined || input.read_back === undefined)) {
    throw calloutError('VALIDATION_FAILED', 'contacted_person and read_back are required for a done callout');
  }
}

function toWrite(labId: number, input: RecordCalloutInput, reports: CalloutBillReport[], principal: Principal): CalloutWrite {
  return {
    labId, billId: input.billId, kind: input.status, recipients: input.recipients,
    communicationMethods: input.communication_methods, comment: input.critical_callout_comment ?? null,
    criticalValuesMeta: input.critical_values_meta ?? {}, calloutFor: reports.map((r) => r.testId),
    contactedPerson: input.contacted_person ?? null, readBack: input.read_back ?? null,
    performedByUserId: principal.sub, performedByName: principal.name ?? `User ${principal.sub}`,
    performedByLoginType: principal.loginType,
  };
}
