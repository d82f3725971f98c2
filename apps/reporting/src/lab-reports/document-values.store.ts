import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import type { Collection } from 'mongodb';
import { DeviceResultSet, deviceResultSetModelOf } from './device-result-set.schema';
import { ReportValueSet, reportValueSetModelOf } from './report-value-set.schema';

/** A document report value (seed 002 §2 "Example Stored Structure"): value, test_flags, param_flags, device. */
export interface DocumentValue {
  labId: number;
  labReportId: number;
  index: number;
  value: number | string;
  test_flags: string[];
  param_flags: string[];
  param_flag_interpretations: string[];
  device_id: number | null;
  device_name: string | null;
  device_extra_data: Record<string, unknown>;
  resultId: string | null;
  updatedAt: Date;
}

/** An analyzer value as received, listed for validation (seed 002 §5); one per result, report and index. */
export interface DeviceResult {
  _id: string;
  labId: number;
  deviceId: number;
  deviceName: string;
  resultId: string;
  sampleId: string;
  labReportId: number;
  testId: number;
  index: number;
  testName: string;
  value: number | string;
  test_flags: string[];
  param_flags: string[];
  param_flag_interpretations: string[];
  /** applied: stored as report value; awaiting_validation: the report was signed (never overwritten). */
  status: 'applied' | 'awaiting_validation';
  receivedAt: Date;
}

/** A value as kept under `values.<index>` of its report's document (report-value-set.schema.ts). */
export type StoredDocumentValue = Omit<DocumentValue, 'labId' | 'labReportId'>;

export { REPORT_VALUE_SETS } from './report-value-set.schema';

/**
 * The document store of reporting. Writes are single-document updates with deterministic ids, so a
 * redelivered event rewrites the same documents (FerretDB/DocumentDB: no multi-document transactions).
 */
export class DocumentValuesStore implements OnApplicationBootstrap {
  private readonly logger = new Logger(DocumentValuesStore.name);
  private readonly values: Model<ReportValueSet>;
  /** The same collection through the driver, typed by its documents (the hot read below). */
  private readonly valueSets: Collection<ReportValueSet>;
  private readonly results: Model<DeviceResultSet>;

  constructor(mongo: Connection) {
    this.values = reportValueSetModelOf(mongo);
    this.valueSets = this.values.collection as unknown as Collection<ReportValueSet>;
    this.results = deviceResultSetModelOf(mongo);
  }

  /** The schemas' indexes for the reads below (MongoDB / DocumentDB; FerretDB keeps them too). Idempotent. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.results.createIndexes();
    } catch (error) {
      this.logger.warn(`document indexes not ensured (the store may be down): ${(error as Error).message}`);
    }
  }

  /**
   * One update per lab report, sent together. Not one bulkWrite: FerretDB runs a bulk in one backend
   * transaction, and two bulks over the same documents deadlock it (seen here: FerretDB stopped
   * answering until restarted). Each value is written whole; the report's other indexes stay.
   */
  async saveValues(values: DocumentValue[]): Promise<void> {
    const byReport = new Map<number, DocumentValue[]>();
    for (const v of values) byReport.set(v.labReportId, [...(byReport.get(v.labReportId) ?? []), v]);
    await Promise.all([...byReport].map(([labReportId, own]) => {
      const set: Record<string, unknown> = { labId: own[0].labId, labReportId, updatedAt: new Date() };
      for (const v of own) set[`values.${v.index}`] = storedValue(v);
      // scoped by lab too: a report id of another lab's document is refused (duplicate _id), never merged
      return this.values.updateOne({ _id: String(labReportId), labId: own[0].labId }, { $set: set }, { upsert: true, runValidators: true }).exec();
    }));
  }

  /** The values of one upload and lab report (ids `<resultId>:<labReportId>:<index>`) as one document. */
  async saveDeviceResults(results: DeviceResult[]): Promise<void> {
    const sets = new Map<string, DeviceResultSet>();
    for (const { index, testName, value, param_flags, param_flag_interpretations, ...common } of results) {
      const id = `${common.resultId}:${common.labReportId}`;
      const set = sets.get(id) ?? { ...common, _id: id, values: [] };
      set.values.push({ index, testName, value, param_flags, param_flag_interpretations });
      sets.set(id, set);
    }
    await Promise.all([...sets.values()].map((s) => this.results.replaceOne({ _id: s._id }, s, { upsert: true, runValidators: true }).exec()));
  }

  /** The values of the given reports of one lab, ordered by report and index. */
  async valuesOf(labId: number, labReportIds: number[]): Promise<DocumentValue[]> {
    // One read by id per report, not `$in`: FerretDB pushes equality filters down to its backend but
    // answers `$in` by scanning the whole collection (docs/performance.md).
    // Through the model's collection (the driver's own findOne): the report entry read's hot path, where
    // Mongoose's query building, casting and hooks cost about 0.3 ms per read (a lean read of
    // already-typed ids needs none of them; a profile of 808c8bb against this read showed it).
    const sets = await Promise.all([...new Set(labReportIds)].map((id) => this.valueSets.findOne({ _id: String(id), labId })));
    return sets.flatMap((set) => (set ? Object.values(set.values).map((v) => ({ ...v, labId: set.labId, labReportId: set.labReportId })) : []))
      .sort((a, b) => a.labReportId - b.labReportId || a.index - b.index);
  }

  async deviceResults(labId: number, deviceId: number, from: Date, to: Date): Promise<DeviceResult[]> {
    const sets = await this.results.find({ labId, deviceId, receivedAt: { $gte: from, $lte: to } }).sort({ receivedAt: 1, _id: 1 }).limit(2000)
      .lean<DeviceResultSet[]>().exec();
    return sets.flatMap(({ values, _id, ...common }) => values.map((v) => ({ ...common, ...v, _id: `${_id}:${v.index}` })))
      .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  }
}

/** A value as kept under `values.<index>` of its report's document. */
export function storedValue(v: DocumentValue): StoredDocumentValue {
  return {
    index: v.index, value: v.value, test_flags: v.test_flags, param_flags: v.param_flags, param_flag_interpretations: v.param_flag_interpretations,
    device_id: v.device_id, device_name: v.device_name, device_extra_data: v.device_extra_data, resultId: v.resultId, updatedAt: v.updatedAt,
  };
}
