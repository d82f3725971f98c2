import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  ActivityLogged, CommandRequest, CRITICAL_CALLOUT_LOG_CATEGORY, CriticalCalloutRecorded, MessageContext, Principal,
  RecordCalloutInput, RecordCalloutResult, TOPICS,
} from '@labflow/contracts';
import { DomainException, KafkaMessageContext, PgInbox, PgOutbox } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { CalloutBillRepository, CalloutBillReport } from './bill.repository';
import { CalloutRepository, CalloutWrite } from './callout.repository';
import { activityText } from './callout-activity';
import { PendingCriticalRepository } from '../overdue/pending-critical.repository';

const CONSUMER = 'critical-callout.record';

/**
 * POST /report/:billId/critical/callout — the write seed 001 implies: a draft (replaces the bill's
 * earlier draft, no status change), an attempt or a done callout for chosen reports of the bill.
 * One transaction: callout rows, activity 648 per report and critical.callout_recorded (reporting
 * then moves criticalValues pending → attempted → done; it owns that field).
 */
@Injectable()
export class RecordCalloutUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bills: CalloutBillRepository,
    private readonly callouts: CalloutRepository,
    private readonly pending: PendingCriticalRepository,
    private readonly outbox: PgOutbox,
    private readonly inbox: PgInbox,
  ) {}

  async execute(request: CommandRequest, ctx: KafkaMessageContext): Promise<RecordCalloutResult> {
    const { principal, input } = authenticatedInput(RecordCalloutInput, request);
    checkCompleteness(input);
    const labId = principal.labId;
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, ctx.envelope.id))) {
        return (await this.inbox.storedResponse(manager, CONSUMER, ctx.envelope.id)) as RecordCalloutResult;
      }
      const bill = await this.bills.find(manager, labId, input.billId);
      if (!bill) throw new DomainException(404, 'BILL_NOT_FOUND', 'Bill not found');
      const ids = [...new Set(input.lab_report_ids)];
      const reports = await this.bills.reportsOfBill(manager, labId, input.billId, ids);
      const missing = ids.find((id) => !reports.some((r) => r.labReportId === id));
      if (missing !== undefined) throw new DomainException(404, 'LAB_REPORT_NOT_FOUND', `Lab report ${missing} not found in bill ${input.billId}`);

      const write = toWrite(labId, input, reports, principal);
      const saved = input.status === 'draft'
        ? await this.callouts.replaceDraft(manager, write)
        : await this.callouts.insertForReports(manager, write, ids);
      // A done callout closes the episode: the draft is not restored any more.
      if (input.status === 'done') {
        await this.callouts.deleteDraft(manager, labId, input.billId);
        await this.pending.closeByCallout(manager, labId, input.billId, reports);
      }
      await this.publish(manager, write, saved, ids, ctx.causedContext);
      const result: RecordCalloutResult = {
        calloutId: saved.id, billId: input.billId, status: input.status, lab_report_ids: ids, created_on: saved.createdOn.toISOString(),
      };
      await this.inbox.saveResponse(manager, CONSUMER, ctx.envelope.id, result);
      return result;
    });
  }

  private async publish(manager: EntityManager, w: CalloutWrite, saved: { id: number; createdOn: Date }, ids: number[], ctx: MessageContext): Promise<void> {
    const recorded: CriticalCalloutRecorded = {
      calloutId: saved.id, labId: w.labId, billId: w.billId, kind: w.kind, labReportIds: ids, testIds: w.calloutFor,
      recipients: w.recipients, communicationMethods: w.communicationMethods, comment: w.comment ?? undefined,
      criticalValuesMeta: w.criticalValuesMeta, contactedPerson: w.contactedPerson ?? undefined, readBack: w.readBack ?? undefined,
      performedByUserId: w.performedByUserId, performedByName: w.performedByName, recordedAt: saved.createdOn.toISOString(),
    };
    await this.outbox.add(manager, TOPICS.criticalCalloutRecorded, recorded, ctx);
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
      await this.outbox.add(manager, TOPICS.activityLogged, entry, ctx);
    }
  }
}

/** CLSI GP47: a completed notification names who received it and whether they read the value back. */
function checkCompleteness(input: RecordCalloutInput): void {
  if (input.status === 'draft') return;
  if (input.recipients.length === 0) throw new DomainException(400, 'VALIDATION_FAILED', 'recipients must not be empty');
  if (input.communication_methods.length === 0) throw new DomainException(400, 'VALIDATION_FAILED', 'communication_methods must not be empty');
  if (input.status === 'done' && (input.contacted_person === undefined || input.read_back === undefined)) {
    throw new DomainException(400, 'VALIDATION_FAILED', 'contacted_person and read_back are required for a done callout');
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
