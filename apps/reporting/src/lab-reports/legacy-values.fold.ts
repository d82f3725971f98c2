import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { DataSource } from 'typeorm';
import { MONGO_CONNECTION } from '@labflow/platform/service';
import { SCHEMA } from '../migrations';
import { DocumentValue, REPORT_VALUE_SETS, storedValue } from './document-values.store';
import { reportValueSetModelOf } from './report-value-set.schema';
import { drainLegacyCollection, moveAtStart } from './legacy-collection';

/** The layout before report value sets: one document per lab report and index. */
const LEGACY = 'report_values';

/**
 * Moves document report values stored in the old layout (one document per value) into the report's
 * value set, and copies their values to the relational values that history reads. Never overwrites:
 * a value already in the set (written by a newer event) or already a relational row stays. Safe to
 * run again after a crash; the old collection is dropped once everything is folded.
 */
@Injectable()
export class LegacyValuesFold implements OnApplicationBootstrap {
  private readonly logger = new Logger(LegacyValuesFold.name);

  constructor(@Inject(MONGO_CONNECTION) private readonly mongo: Connection, private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await moveAtStart(this.logger, () => this.fold(), (n) => `folded ${n} document values of the old layout into ${REPORT_VALUE_SETS}`,
      'old document values not folded yet');
  }

  async fold(): Promise<number> {
    // the old layout is read through the driver (no model: it is read once, then dropped); the
    // values it becomes are written through the model, validated like every other value
    const sets = reportValueSetModelOf(this.mongo);
    let folded = 0;
    for await (const v of drainLegacyCollection<DocumentValue & { _id: string }>(this.mongo.db!, LEGACY)) {
      await sets.updateOne({ _id: String(v.labReportId), labId: v.labId }, { $setOnInsert: { labId: v.labId, labReportId: v.labReportId, values: {}, updatedAt: v.updatedAt } }, { upsert: true, runValidators: true }).exec();
      await sets.updateOne({ _id: String(v.labReportId), labId: v.labId, [`values.${v.index}`]: { $exists: false } }, { $set: { [`values.${v.index}`]: storedValue(v) } }, { runValidators: true }).exec();
      await this.dataSource.query(
        `INSERT INTO "${SCHEMA}".report_values (lab_id, lab_report_id, index, value, numeric_value, device_id)
         SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM "${SCHEMA}".lab_reports WHERE lab_id = $1 AND id = $2)
         ON CONFLICT (lab_report_id, index) DO NOTHING`,
        [v.labId, v.labReportId, v.index, String(v.value), typeof v.value === 'number' ? v.value : null, v.device_id],
      );
      folded += 1;
    }
    return folded;
  }
}
