import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Collection, Connection } from 'mongoose';
import { MONGO_CONNECTION } from '@labflow/platform/service';

/** A document report value (seed 002 §2 "Example Stored Structure"), one document per lab report and index. */
export interface DocumentValue {
  _id: string;
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

/**
 * What is stored for device results: one document per upload and lab report holding all its values
 * (one write per upload instead of one per value); read back as one DeviceResult per value.
 */
interface DeviceResultSet extends Omit<DeviceResult, '_id' | 'index' | 'testName' | 'value' | 'param_flags' | 'param_flag_interpretations'> {
  _id: string;
  values: Pick<DeviceResult, 'index' | 'testName' | 'value' | 'param_flags' | 'param_flag_interpretations'>[];
}

/**
 * The document store of reporting. Writes are single-document upserts with deterministic ids, so a
 * redelivered event rewrites the same documents (FerretDB/DocumentDB: no multi-document transactions).
 */
@Injectable()
export class DocumentValuesStore implements OnApplicationBootstrap {
  private readonly logger = new Logger(DocumentValuesStore.name);

  constructor(@Inject(MONGO_CONNECTION) private readonly mongo: Connection) {}

  /** Indexes for the reads below (MongoDB / DocumentDB; FerretDB keeps them too). Idempotent. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.values.createIndex({ labId: 1, labReportId: 1, index: 1 });
      await this.results.createIndex({ labId: 1, deviceId: 1, receivedAt: 1 });
    } catch (error) {
      this.logger.warn(`document indexes not ensured (the store may be down): ${(error as Error).message}`);
    }
  }

  private get values(): Collection<DocumentValue> {
    return this.mongo.collection<DocumentValue>('report_values');
  }

  private get results(): Collection<DeviceResultSet> {
    return this.mongo.collection<DeviceResultSet>('device_result_sets');
  }

  /**
   * Single-document upserts by id, sent together. Not one bulkWrite: FerretDB runs a bulk in one
   * backend transaction, and two bulks over the same documents in another order deadlock it (seen
   * here: FerretDB stopped answering until restarted). Each document is written whole.
   */
  async saveValues(values: DocumentValue[]): Promise<void> {
    await Promise.all(values.map((v) => this.values.replaceOne({ _id: v._id }, v, { upsert: true })));
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
    await Promise.all([...sets.values()].map((s) => this.results.replaceOne({ _id: s._id }, s, { upsert: true })));
  }

  async valuesOf(labId: number, labReportIds: number[]): Promise<DocumentValue[]> {
    // One equality query per report, not `$in`: FerretDB pushes equality filters down to its backend
    // but answers `$in` by scanning the whole collection (docs/performance.md).
    const perReport = await Promise.all([...new Set(labReportIds)].map((labReportId) => this.values.find({ labId, labReportId }).toArray()));
    return perReport.flat().sort((a, b) => a.labReportId - b.labReportId || a.index - b.index);
  }

  async deviceResults(labId: number, deviceId: number, from: Date, to: Date): Promise<DeviceResult[]> {
    const sets = await this.results.find({ labId, deviceId, receivedAt: { $gte: from, $lte: to } }).sort({ receivedAt: 1, _id: 1 }).limit(2000).toArray();
    return sets.flatMap(({ values, _id, ...common }) => values.map((v) => ({ ...common, ...v, _id: `${_id}:${v.index}` })))
      .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  }
}
