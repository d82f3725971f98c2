import { Injectable } from '@nestjs/common';
import { AutoRerunCheckInput, LabReportRerunContext, MessageContext, Principal, RerunMessageResult, TOPICS } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { pendingEvent } from '@labflow/platform/kafka';
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
   * The checks of a batch of uploads, each decided as execute() would, in order: the contexts of
   * each lab's reports come in one query (per MAX_RERUN_CONTEXTS), not one per check. `settle` gets
   * each check's outcome (a 4xx DomainException is a decision, anything else fails the batch).
   */
  async executeAll(checks: AutoCheck[], settle: (check: AutoCheck, run: () => Promise<RerunMessageResult>) => Promise<void>): Promise<void> {
    const contexts = new Map<number, Map<number, LabReportRerunContext>>();
    for (const [labId, ofLab] of groupBy(checks, (c) => c.principal.labId)) {
      contexts.set(labId, await this.reporting.contextsOf(ofLab[0].principal, ofLab.map((c) => c.input.labReportId), ofLab[0].ctx));
    }
    for (const check of checks) {
      await settle(check, async () => {
        const report = contexts.get(check.principal.labId)?.get(check.input.labReportId);
        if (!report) throw new DomainException(404, 'LAB_REPORT_NOT_FOUND', 'Lab report not found');
        return this.decide(report, check.principal, check.input, check.messageId, check.ctx);
      });
    }
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

/** One auto-rerun check: a lab report's values of one upload, decided once per messageId. */
export interface AutoCheck {
  principal: Principal;
  input: AutoRerunCheckInput;
  messageId: string;
  ctx: MessageContext;
}

function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
