import { Connection, Model, Schema } from 'mongoose';
import type { MongoOutboxEntry } from '@labflow/platform/kafka';
import type { RerunLifecycle, RerunRequestRecord, RerunValueRecord } from './rerun-lifecycle';

export const LIFECYCLE_COLLECTION = 'sample_rerun_lifecycles';

export type LifecycleEntry = RerunLifecycle & MongoOutboxEntry;

const required = <T>(type: T) => ({ type, required: true });
/** Sub-documents refuse unknown fields too (strict is not inherited). */
const STRICT = { strict: 'throw' as const };

/** seed 000 §3: a saved rerun request (SampleRerun). */
const RerunRequestSchema = new Schema<RerunRequestRecord>({
  rerunNumber: required(Number),
  type: { type: String, enum: ['Manual', 'auto'], required: true },
  requestedParameters: { type: [Number], required: true },
  parameterNames: { type: [String], required: true },
  isActive: required(Boolean),
  receivedParameters: { type: [Number], required: true },
  fulfilled: required(Boolean),
  createdBy: required(String),
  updatedBy: required(String),
  createdAt: required(Date),
  updatedAt: required(Date),
}, { ...STRICT, _id: false });

/** seed 000 §1/§2: one stored rerun value (SampleRerunValues); the spec's snake_case field names. */
const RerunValueSchema = new Schema<RerunValueRecord>({
  _id: required(String),
  lab_id: required(Number),
  sample_id: required(String),
  value: required(String),
  order: required(Number),
  index: required(Number),
  rerun_type: required(String),
  rerun_number: required(Number),
  parameter_name: required(String),
  device_id: required(String),
  device_name: { type: String, default: '' },
  created_at: required(Date),
}, STRICT);

const PendingEventSchema = new Schema({
  id: required(String),
  topic: required(String),
  key: required(String),
  envelope: { type: Schema.Types.Mixed, required: true },
  headers: { type: Schema.Types.Mixed },
}, { ...STRICT, _id: false });

/**
 * One entry of a lab report's lifecycle stream (`<labId>:<labReportId>:<version>`): the state, the
 * events it causes (outbox) and the ids of the messages it applied (inbox), in one document.
 * Strict 'throw': a field the schema does not know is a bug to see, never a silent strip.
 */
export const LifecycleEntrySchema = new Schema<LifecycleEntry>({
  _id: required(String),
  streamId: required(String),
  version: { type: Number, required: true, min: 1 },
  labId: required(Number),
  labReportId: required(Number),
  sampleId: { type: String, default: null },
  lifecycleEpoch: required(Number),
  sequence: { type: Number, required: true, min: 0 },
  requests: { type: [RerunRequestSchema], required: true },
  values: { type: [RerunValueSchema], required: true },
  autoRerunQueued: required(Boolean),
  appliedMessageIds: { type: [String], required: true },
  closed: required(Boolean),
  pendingEvents: { type: [PendingEventSchema], required: true },
  outboxPending: required(Boolean),
  writtenAt: required(Date),
}, {
  collection: LIFECYCLE_COLLECTION, strict: 'throw', versionKey: false, minimize: false,
  // the relay's and the reads' indexes are the store's own; nothing is created from here
  autoIndex: false, autoCreate: false,
});

/** The model on this connection (compiled once per connection). */
export function lifecycleModelOf(connection: Connection): Model<LifecycleEntry> {
  return (connection.models.SampleRerunLifecycle as Model<LifecycleEntry> | undefined)
    ?? connection.model<LifecycleEntry>('SampleRerunLifecycle', LifecycleEntrySchema);
}
