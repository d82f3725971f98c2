import { Injectable } from '@nestjs/common';
import {
  AutoRerunCheckInput, idsByLab, labScopedKey, LabReportRerunContext, MessageContext, Principal, RerunMessageResult, systemPrincipal, TOPICS,
} from '@labflow/contracts';
import { DomainException, pendingEvent } from '@labflow/platform/kafka';
import { qualifiedIndexes } from './auto-rerun-qualification';
import { ReportingContextClient } from './reporting-context.client';
import { isInProgress, RerunLifecycle, reopened } from './rerun-lifecycle';
import { RerunLifecycleRepository } from './rerun-lifecycle.repository';

export const AUTO_QUEUED = 'Auto rerun queued successfully';
export const AUTO_NOT_QUALIFIED = "Auto rerun didn't qualify for these values";
/** Our wording for the spec's early return (`auto_rerun_record_exists()`), which names no message. */
export const AUTO_ALREADY_EXISTS = 'A sample rerun already exists for this lab report';

const alreadyExists = (doc: RerunLifecycle | null): boolean => !!doc && !doc.closed && (doc.autoRerunQueued || isInProgress(doc));

/**
 * seed 000 §6 `POST sample-rerun/:id/auto`, also run on every device.data.received. When values
 * qualify, rerun.requested is written with the lifecycle document (its outbox) and the rerun app
 * consumes it as the system user; the spec's internal webhook is replaced by that event.
 */
@Injectable()
export class AutoRerunCheckUseCase {
  constructor(private readonly lifecycles: RerunLifecycleRepository, private readonly reporting: ReportingContextClient) {}

  async execute(principal: Principal, input: AutoRerunCheckInput, messageId: string, ctx: MessageContext): Promise<RerunMessageResult> {
    return this.decide(await this.reporting.contextOf(principal, input.labReportId, ctx), principal, input, messageId, ctx);
  }

  /**
   * The contexts of a batch of uploads' checks, by labScopedKey: one query per lab (in chunks of
   * MAX_RERUN_CONTEXTS) instead of one per check. Uploads are checked as their lab's system user.
   */
  async contextsFor(checks: AutoCheck[]): Promise<Map<string, LabReportRerunContext>> {
    const found = new Map<string, LabReportRerunContext>();
    for (const [labId, ids] of idsByLab(checks.map((c) => ({ labId: c.labId, id: c.input.labReportId })))) {
      const contexts = await this.reporting.contextsOf(systemPrincipal(labId), ids, checks[0].ctx);
      for (const [id, context] of contexts) found.set(labScopedKey(labId, id), context);
    }
    return found;
  }

  /** One check of a batch, decided as execute() would with the batch's contexts (a report reporting did not find: 404). */
  async executeWith(contexts: Map<string, LabReportRerunContext>, check: AutoCheck): Promise<RerunMessageResult> {
    const report = contexts.get(labScopedKey(check.labId, check.input.labReportId));
    if (!report) throw new DomainException(404, 'LAB_REPORT_NOT_FOUND', 'Lab report not found');
    return this.decide(report, systemPrincipal(check.labId), check.input, check.messageId, check.ctx);
  }

  private async decide(
    report: LabReportRerunContext, principal: Principal, input: AutoRerunCheckInput, messageId: string, ctx: MessageContext,
  ): Promise<RerunMessageResult> {
    if (!report.parameters.some((p) => p.autoRerunAllowed)) return { message: AUTO_NOT_QUALIFIED };
    if (alreadyExists(await this.lifecycles.find(principal.labId, input.labReportId))) return { message: AUTO_ALREADY_EXISTS };
    const qualified = qualifiedIndexes(report, input.device_data);
    if (qualified.length === 0) return { message: AUTO_NOT_QUALIFIED };
    const outcome = await this.lifecycles.mutate(principal.labId, input.labReportId, messageId, (current, fresh) => {
      if (alreadyExists(current)) return { next: null, events: [], result: AUTO_ALREADY_EXISTS };
      const base = reopened(current ?? fresh);
      const names = report.parameters.filter((p) => qualified.includes(p.index)).map((p) => p.name);
      return {
        next: { ...base, sampleId: report.sampleId, autoRerunQueued: true },
        events: [pendingEvent(TOPICS.rerunRequested, {
          labReportId: input.labReportId, type: 'auto', rerun_number: '1', requested_parameters: JSON.stringify(qualified),
          parameter_names: names, is_active: true, lab_id: principal.labId, sampleId: report.sampleId,
        }, ctx)],
        result: AUTO_QUEUED,
      };
    });
    return { message: outcome.duplicate ? AUTO_QUEUED : outcome.result };
  }
}

/** One auto-rerun check of an upload: a lab report's values, decided once per messageId. */
export interface AutoCheck {
  labId: number;
  input: AutoRerunCheckInput;
  messageId: string;
  ctx: MessageContext;
}
