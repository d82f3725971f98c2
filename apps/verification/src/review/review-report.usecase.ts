import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  CommandRequest, Principal, RejectReportInput, ReleaseReportInput, TOPICS, VerificationActivity, VerificationDecisionView,
} from '@labflow/contracts';
import { DomainException, KafkaMessageContext, PgInbox, PgOutbox } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { DecisionRepository, StoredDecision } from '../decisions/decision.repository';
import { ReportState, ReportStateRepository } from '../decisions/report-state.repository';
import { decisionView } from '../reads/decision.view';
import { RerunClient } from './rerun.client';
import { activityOf } from './verification-activity';

const CONSUMER = 'verification.review';

/**
 * A person settles a held report: release (the values go out as they are) or reject, optionally
 * requesting a rerun of the held parameters through the rerun lifecycle. Audited (1104 / 1105).
 * A released or rejected report is decided again only when its values change.
 */
@Injectable()
export class ReviewReportUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly states: ReportStateRepository,
    private readonly decisions: DecisionRepository,
    private readonly reruns: RerunClient,
    private readonly outbox: PgOutbox,
    private readonly inbox: PgInbox,
  ) {}

  async release(request: CommandRequest, ctx: KafkaMessageContext): Promise<VerificationDecisionView> {
    const { principal, input } = authenticatedInput(ReleaseReportInput, request);
    return this.settle(principal, input.labReportId, ctx, async (manager, state, decision) => {
      await this.decisions.review(manager, principal.labId, decision.id, { action: 'released', comment: input.comment, by: principal.sub, rerunRequested: [] });
      await this.outbox.add(manager, TOPICS.activityLogged, activityOf(principal, VerificationActivity.REPORT_RELEASED,
        'Held report released', [input.comment ? `Comment: ${input.comment}` : null], { decisionId: decision.id, reasons: decision.outcome.reasons, comment: input.comment },
        { labReportId: state.labReportId, billId: state.billId }), ctx.causedContext);
      return { ...state, status: 'released' };
    });
  }

  async reject(request: CommandRequest, ctx: KafkaMessageContext): Promise<VerificationDecisionView> {
    const { principal, input } = authenticatedInput(RejectReportInput, request);
    const replayed = await this.inbox.storedResponse(this.dataSource.manager, CONSUMER, ctx.envelope.id);
    if (replayed) return replayed as VerificationDecisionView;
    const { decision } = await this.heldReport(this.dataSource.manager, principal, input.labReportId);
    const rerun = input.rerun ? rerunParameters(decision) : [];
    // asked before the transaction: no row lock is held while another service answers
    if (rerun.length > 0) await this.reruns.request(principal, input.labReportId, rerun, ctx);
    return this.settle(principal, input.labReportId, ctx, async (manager, state, held) => {
      const rerunRequested = rerun.map((p) => p.index);
      await this.decisions.review(manager, principal.labId, held.id, { action: 'rejected', comment: input.comment, by: principal.sub, rerunRequested });
      await this.outbox.add(manager, TOPICS.activityLogged, activityOf(principal, VerificationActivity.REPORT_REJECTED, 'Held report rejected',
        [rerunRequested.length ? `Rerun requested: ${rerunRequested.join(' ')}` : null, input.comment ? `Comment: ${input.comment}` : null],
        { decisionId: held.id, reasons: held.outcome.reasons, comment: input.comment, rerunRequested }, { labReportId: state.labReportId, billId: state.billId }), ctx.causedContext);
      return { ...state, status: 'rejected', rejected: true };
    });
  }

  private async settle(
    principal: Principal, labReportId: number, ctx: KafkaMessageContext,
    apply: (manager: EntityManager, state: ReportState, decision: StoredDecision) => Promise<ReportState>,
  ): Promise<VerificationDecisionView> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, ctx.envelope.id))) {
        return (await this.inbox.storedResponse(manager, CONSUMER, ctx.envelope.id)) as VerificationDecisionView;
      }
      const { state, decision } = await this.heldReport(manager, principal, labReportId, true);
      const next = await apply(manager, state, decision);
      await this.states.save(manager, next);
      const view = decisionView(next, (await this.decisions.find(manager, principal.labId, decision.id)) ?? decision);
      if (view.review) {
        await this.outbox.add(manager, TOPICS.reportVerificationReviewed, {
          labId: principal.labId, labReportId, decisionId: decision.id, action: view.review.action, reviewedBy: view.review.by,
          comment: view.review.comment, rerunRequested: view.review.rerunRequested, reviewedAt: view.review.at,
        }, ctx.causedContext);
      }
      await this.inbox.saveResponse(manager, CONSUMER, ctx.envelope.id, view);
      return view;
    });
  }

  private async heldReport(manager: EntityManager, principal: Principal, labReportId: number, lock = false): Promise<{ state: ReportState; decision: StoredDecision }> {
    const state = lock ? await this.states.lock(manager, principal.labId, labReportId) : await this.states.find(manager, principal.labId, labReportId);
    const decision = state ? await this.decisions.find(manager, principal.labId, state.decisionId) : null;
    if (!state || !decision) throw new DomainException(404, 'DECISION_NOT_FOUND', 'No verification decision for this lab report');
    if (state.status !== 'held') throw new DomainException(409, 'REPORT_NOT_HELD', `Only a held report can be reviewed (this one is ${state.status})`);
    return { state, decision };
  }
}

/** The held parameters with a value; a report held by a report-level rule alone reruns every parameter. */
function rerunParameters(d: StoredDecision): { index: number; name: string | null }[] {
  const withValue = d.outcome.parameters.filter((p) => p.value !== null);
  const held = withValue.filter((p) => p.status === 'held');
  return (held.length > 0 ? held : withValue).map((p) => ({ index: p.index, name: p.name }));
}
