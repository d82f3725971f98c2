import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { AttemptedCalloutView, CriticalCalloutRecorded, TOPICS } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { CriticalStatusRepository } from './critical-status.repository';

const CONSUMER = 'reporting.critical-callout-recorded';

/**
 * Reporting owns criticalValues: a recorded callout moves the named reports of the bill forward only
 * (pending → attempted → done; a done report never goes back), and a draft becomes the bill's
 * attempted_callout for the records read. A done callout clears the draft, as critical-callout does.
 */
@Controller()
export class CalloutRecordedHandler {
  constructor(private readonly dataSource: DataSource, private readonly status: CriticalStatusRepository, private readonly inbox: PgInbox) {}

  @EventPattern(TOPICS.criticalCalloutRecorded.name)
  async onCalloutRecorded(@Payload() e: CriticalCalloutRecorded, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, ctx.envelope.id))) return;
      switch (e.kind) {
        case 'draft':
          await this.status.saveDraft(manager, e.labId, e.billId, e.calloutId, draftView(e));
          return;
        case 'attempted':
          await this.status.advance(manager, e.labId, e.billId, e.labReportIds, 'attempted', ['pending']);
          return;
        case 'done':
          await this.status.advance(manager, e.labId, e.billId, e.labReportIds, 'done', ['pending', 'attempted']);
          await this.status.clearDraft(manager, e.labId, e.billId);
          return;
      }
    });
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
