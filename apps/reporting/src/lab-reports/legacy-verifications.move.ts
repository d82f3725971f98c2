import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { DataSource } from 'typeorm';
import { MONGO_CONNECTION } from '@labflow/platform/service';
import { StoredDecision, StoredReview, VerificationStatusRepository } from './verification-status.repository';

/** Where the statuses were kept before they moved beside the reports: one document per lab report. */
const LEGACY = 'report_verifications';
const BATCH = 500;

interface LegacyVerification { _id: string; labId: number; labReportId: number; decision?: StoredDecision; review?: StoredReview }

/**
 * Moves the verification statuses of the document store into report_verifications at start. Each is
 * written as its event would be (newest wins), so one already written by a newer event stays, and a
 * crash part way is harmless: the next start moves the rest. The old collection is dropped when done.
 */
@Injectable()
export class LegacyVerificationsMove implements OnApplicationBootstrap {
  private readonly logger = new Logger(LegacyVerificationsMove.name);

  constructor(@Inject(MONGO_CONNECTION) private readonly mongo: Connection, private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const moved = await this.move();
      if (moved > 0) this.logger.log(`moved ${moved} verification statuses from the document store to report_verifications`);
    } catch (error) {
      this.logger.warn(`verification statuses of the document store not moved yet (retried at the next start): ${(error as Error).message}`);
    }
  }

  async move(): Promise<number> {
    const db = this.mongo.db!;
    if ((await db.listCollections({ name: LEGACY }).toArray()).length === 0) return 0;
    const legacy = db.collection<LegacyVerification>(LEGACY);
    const statuses = new VerificationStatusRepository(this.dataSource);
    let moved = 0;
    let after = '';
    for (;;) {
      const batch = await legacy.find({ _id: { $gt: after } }).sort({ _id: 1 }).limit(BATCH).toArray();
      if (batch.length === 0) break;
      for (const doc of batch) {
        if (doc.decision) await statuses.saveDecision(doc.labId, doc.labReportId, doc.decision);
        if (doc.review) await statuses.saveReview(doc.labId, doc.labReportId, doc.review);
        after = doc._id;
        moved += 1;
      }
    }
    await legacy.drop();
    return moved;
  }
}
