import { Connection, Model, Schema } from 'mongoose';
import type { StoredDocumentValue } from './document-values.store';

/** The collection of document report values; also read once by the legacy fold (one document per value). */
export const REPORT_VALUE_SETS = 'report_value_sets';

export interface ReportValueSet {
  _id: string;
  labId: number;
  labReportId: number;
  values: Record<string, StoredDocumentValue>;
  updatedAt: Date;
}

const STRICT = { strict: 'throw' as const };

/** seed 002 §2 "Example Stored Structure": one value with its flags and the device that sent it. */
const StoredValueSchema = new Schema<StoredDocumentValue>({
  index: { type: Number, required: true, min: 0 },
  value: { type: Schema.Types.Mixed, required: true, validate: (v: unknown) => typeof v === 'number' || typeof v === 'string' },
  test_flags: { type: [String], required: true },
  param_flags: { type: [String], required: true },
  param_flag_interpretations: { type: [String], required: true },
  device_id: { type: Number, default: null },
  device_name: { type: String, default: null },
  device_extra_data: { type: Schema.Types.Mixed, default: () => ({}) },
  resultId: { type: String, default: null },
  updatedAt: { type: Date, required: true },
}, { ...STRICT, _id: false });

/**
 * One document per lab report (`_id` = its id), each value under `values.<index>`: an upload sets
 * only the indexes it carries (`$set` of `values.<index>`), validated per value (runValidators).
 */
const ReportValueSetSchema = new Schema<ReportValueSet>({
  _id: { type: String, required: true },
  labId: { type: Number, required: true },
  labReportId: { type: Number, required: true },
  values: { type: Map, of: StoredValueSchema, default: () => new Map() },
  updatedAt: { type: Date, required: true },
}, { ...STRICT, collection: REPORT_VALUE_SETS, versionKey: false, minimize: false, autoIndex: false, autoCreate: false });

export function reportValueSetModelOf(connection: Connection): Model<ReportValueSet> {
  return (connection.models.ReportValueSet as Model<ReportValueSet> | undefined)
    ?? connection.model<ReportValueSet>('ReportValueSet', ReportValueSetSchema);
}
