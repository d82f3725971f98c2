import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { DataSource } from 'typeorm';
import { MONGO_CONNECTION } from '@labflow/platform/service';
import { drainLegacyCollection, moveAtStart } from './legacy-collection';
import { StoredDecision, StoredReview, VerificationStatusRepository } from './verification-status.repository';

/** Where the statuses were kept before they moved beside the reports: one document per lab report. */
const LEGACY = 'report_verifications';

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
    await moveAtStart(this.logger, () => this.move(), (n) => `moved ${n} verification statuses from the document store to report_verifications`,
      'verification statuses of the document store not moved yet');
  }

  async move(): Promise<number> {
    const db = this.mongo.db!;
    const statuses = new VerificationStatusRepository(this.dataSource);
    let moved = 0;
    for await (const doc of drainLegacyCollection<LegacyVerification>(db, LEGACY)) {
      if (doc.decision) await statuses.saveDecision(doc.labId, doc.labReportId, doc.decision);
      if (doc.review) await statuses.saveReview(doc.labId, doc.labReportId, doc.review);
      moved += 1;
    }
    return moved;
  }
}
