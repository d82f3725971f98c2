import { Connection, Model, Schema } from 'mongoose';
import type { DeviceResult } from './document-values.store';

export const DEVICE_RESULT_SETS = 'device_result_sets';

/**
 * What is stored for device results: one document per upload and lab report holding all its values
 * (one write per upload instead of one per value); read back as one DeviceResult per value.
 */
export interface DeviceResultSet extends Omit<DeviceResult, '_id' | 'index' | 'testName' | 'value' | 'param_flags' | 'param_flag_interpretations'> {
  _id: string;
  values: Pick<DeviceResult, 'index' | 'testName' | 'value' | 'param_flags' | 'param_flag_interpretations'>[];
}

const STRICT = { strict: 'throw' as const };
const required = <T>(type: T) => ({ type, required: true });

const DeviceValueSchema = new Schema({
  index: { type: Number, required: true, min: 0 },
  testName: required(String),
  value: { type: Schema.Types.Mixed, required: true, validate: (v: unknown) => typeof v === 'number' || typeof v === 'string' },
  param_flags: { type: [String], required: true },
  param_flag_interpretations: { type: [String], required: true },
}, { ...STRICT, _id: false });

/** seed 002 §5: an analyzer's values as received, listed for validation. */
const DeviceResultSetSchema = new Schema<DeviceResultSet>({
  _id: required(String),
  labId: required(Number),
  deviceId: required(Number),
  deviceName: required(String),
  resultId: required(String),
  sampleId: required(String),
  labReportId: required(Number),
  testId: required(Number),
  test_flags: { type: [String], required: true },
  status: { type: String, enum: ['applied', 'awaiting_validation'], required: true },
  receivedAt: required(Date),
  values: { type: [DeviceValueSchema], required: true },
}, { ...STRICT, collection: DEVICE_RESULT_SETS, versionKey: false, minimize: false, autoIndex: false, autoCreate: false });

// the validation list reads a device's results of a period (see DocumentValuesStore.deviceResults)
DeviceResultSetSchema.index({ labId: 1, deviceId: 1, receivedAt: 1 });

export function deviceResultSetModelOf(connection: Connection): Model<DeviceResultSet> {
  return (connection.models.DeviceResultSet as Model<DeviceResultSet> | undefined)
    ?? connection.model<DeviceResultSet>('DeviceResultSet', DeviceResultSetSchema);
}
