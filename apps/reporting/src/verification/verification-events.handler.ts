import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { ReportAutoverified, ReportHeld, ReportVerificationReviewed, TOPICS } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { VerificationStatusStore } from './verification-status.store';

const CONSUMER = 'reporting.verification';

/**
 * Keeps each report's autoverification status for the seed 002 reads. The document write is
 * idempotent (newest wins), then the inbox claim records the envelope, so read-your-writes can wait for it.
 */
@Controller()
export class VerificationEventsHandler {
  constructor(private readonly dataSource: DataSource, private readonly store: VerificationStatusStore, private readonly inbox: PgInbox) {}

  @EventPattern(TOPICS.reportAutoverified.name)
  async onAutoverified(@Payload() e: ReportAutoverified, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.store.saveDecision(e.labId, e.labReportId, decisionOf(e, 'auto_verified', []));
    await this.claim(ctx);
  }

  @EventPattern(TOPICS.reportHeld.name)
  async onHeld(@Payload() e: ReportHeld, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.store.saveDecision(e.labId, e.labReportId, decisionOf(e, 'held', e.reasons));
    await this.claim(ctx);
  }

  @EventPattern(TOPICS.reportVerificationReviewed.name)
  async onReviewed(@Payload() e: ReportVerificationReviewed, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.store.saveReview(e.labId, e.labReportId, { decisionId: e.decisionId, action: e.action, by: e.reviewedBy, comment: e.comment, at: e.reviewedAt });
    await this.claim(ctx);
  }

  private async claim(ctx: KafkaMessageContext): Promise<void> {
    await this.dataSource.transaction((manager) => this.inbox.claim(manager, CONSUMER, ctx.envelope.id));
  }
}

function decisionOf(e: ReportAutoverified, decidedStatus: 'auto_verified' | 'held', reasons: string[]) {
  return {
    decidedStatus, reasons, ruleSetVersion: e.ruleSetVersion ?? null, decisionId: e.decisionId, decidedAt: e.decidedAt,
    heldParameters: e.parameters.filter((p) => p.status === 'held').map((p) => p.index),
  };
}
