import { Injectable } from '@nestjs/common';
import { ReportAutoverified, ReportHeld, ReportVerificationReviewed, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { ReportingUnitOfWork } from '../lab-reports/reporting-unit-of-work';

/**
 * Keeps each report's autoverification status for the seed 002 reads, one consumer for the three
 * topics. The row is written in the transaction of the envelope's inbox claim (newest wins, so a late
 * event changes nothing), and read-your-writes waits for that claim.
 */
const CONSUMER = 'reporting.verification';

@Injectable()
@HandlesEvent(TOPICS.reportAutoverified, { consumer: CONSUMER, labIdOf: (e) => e.labId })
export class ApplyReportAutoverifiedUseCase {
  async execute(command: Command<ReportAutoverified>, unit: ReportingUnitOfWork): Promise<void> {
    const e = command.input;
    await unit.verifications.saveDecision(e.labId, e.labReportId, decisionOf(e, 'auto_verified', []));
  }
}

@Injectable()
@HandlesEvent(TOPICS.reportHeld, { consumer: CONSUMER, labIdOf: (e) => e.labId })
export class ApplyReportHeldUseCase {
  async execute(command: Command<ReportHeld>, unit: ReportingUnitOfWork): Promise<void> {
    const e = command.input;
    await unit.verifications.saveDecision(e.labId, e.labReportId, decisionOf(e, 'held', e.reasons));
  }
}

@Injectable()
@HandlesEvent(TOPICS.reportVerificationReviewed, { consumer: CONSUMER, labIdOf: (e) => e.labId })
export class ApplyVerificationReviewedUseCase {
  async execute(command: Command<ReportVerificationReviewed>, unit: ReportingUnitOfWork): Promise<void> {
    const e = command.input;
    await unit.verifications.saveReview(e.labId, e.labReportId, { decisionId: e.decisionId, action: e.action, by: e.reviewedBy, comment: e.comment, at: e.reviewedAt });
  }
}

function decisionOf(e: ReportAutoverified, decidedStatus: 'auto_verified' | 'held', reasons: string[]) {
  return {
    decidedStatus, reasons, ruleSetVersion: e.ruleSetVersion ?? null, decisionId: e.decisionId, decidedAt: e.decidedAt,
    heldParameters: e.parameters.filter((p) => p.status === 'held').map((p) => p.index),
  };
}
