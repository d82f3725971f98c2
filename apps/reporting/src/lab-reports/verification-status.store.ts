import type { Connection, Model } from 'mongoose';
import { ReportVerificationBlock } from '@labflow/contracts';
import { ReportVerification, reportVerificationModelOf, StoredDecision, StoredReview } from './report-verification.schema';

export type { StoredDecision, StoredReview } from './report-verification.schema';

const DUPLICATE_KEY = 11000;

/**
 * The verification app's decisions and reviews as its events tell them, one document per lab report.
 * Each write keeps the newest (decision by decidedAt, review by its time): a late or redelivered
 * event changes nothing (the conditional upsert finds no newer document and its insert is refused).
 */
export class VerificationStatusStore {
  private readonly model: Model<ReportVerification>;

  constructor(mongo: Connection) {
    this.model = reportVerificationModelOf(mongo);
  }

  async saveDecision(labId: number, labReportId: number, decision: StoredDecision): Promise<void> {
    await this.keepNewest(labId, labReportId, 'decision', decision.decidedAt, decision);
  }

  async saveReview(labId: number, labReportId: number, review: StoredReview): Promise<void> {
    await this.keepNewest(labId, labReportId, 'review', review.at, review);
  }

  /** The block of each report found (a report never decided is left out). */
  async blocks(labId: number, labReportIds: number[]): Promise<Map<number, ReportVerificationBlock>> {
    if (labReportIds.length === 0) return new Map();
    const docs = await this.model.find({ _id: { $in: labReportIds.map(String) }, labId }).lean<ReportVerification[]>().exec();
    return new Map(docs.filter((d) => d.decision).map((d) => [d.labReportId, blockOf(d.decision as StoredDecision, d.review)]));
  }

  private async keepNewest(labId: number, labReportId: number, field: 'decision' | 'review', at: string, value: StoredDecision | StoredReview): Promise<void> {
    try {
      // validated as it is written (runValidators): the stored decision or review matches its schema
      await this.model.updateOne(
        { _id: String(labReportId), labId, $or: [{ [field]: { $exists: false } }, { [`${field}.${field === 'decision' ? 'decidedAt' : 'at'}`]: { $lte: at } }] },
        { $set: { labReportId, [field]: value } },
        { upsert: true, runValidators: true },
      ).exec();
    } catch (error) {
      // a newer one is stored: the upsert's insert met the existing document
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
  }
}

/** A review counts for the decision it reviewed; a later decision (new values) stands on its own. */
export function blockOf(decision: StoredDecision, review: StoredReview | undefined): ReportVerificationBlock {
  const current = review && review.decisionId === decision.decisionId ? review : undefined;
  return {
    status: current ? current.action : decision.decidedStatus, ...decision,
    review: current ? { action: current.action, by: current.by, comment: current.comment, at: current.at } : null,
  };
}
