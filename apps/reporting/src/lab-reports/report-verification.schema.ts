import { Connection, Model, Schema } from 'mongoose';
import type { ReportVerificationBlock } from '@labflow/contracts';

export const REPORT_VERIFICATIONS = 'report_verifications';

export type StoredDecision = Omit<ReportVerificationBlock, 'status' | 'review'>;
export type StoredReview = NonNullable<ReportVerificationBlock['review']> & { decisionId: string };

/** One document per lab report: the verification app's newest decision and newest review. */
export interface ReportVerification {
  _id: string;
  labId: number;
  labReportId: number;
  decision?: StoredDecision;
  review?: StoredReview;
}

const STRICT = { strict: 'throw' as const };
const required = <T>(type: T) => ({ type, required: true });
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
// kept as text: the event's ISO time is compared as written (newest wins) and shown as received
const isoTime = { type: String, required: true, match: ISO_TIME };

const DecisionSchema = new Schema<StoredDecision>({
  decidedStatus: { type: String, enum: ['auto_verified', 'held'], required: true },
  reasons: { type: [String], required: true },
  // null for a decision made without a rule set; a number otherwise
  ruleSetVersion: { type: Number, validate: (v: unknown) => v === null || Number.isInteger(v) },
  heldParameters: { type: [Number], required: true },
  decisionId: required(String),
  decidedAt: isoTime,
}, { ...STRICT, _id: false });

const ReviewSchema = new Schema<StoredReview>({
  decisionId: required(String),
  action: { type: String, enum: ['released', 'rejected'], required: true },
  by: required(String),
  // may be empty (required would refuse ''): a type check only
  comment: { type: String, validate: (v: unknown) => typeof v === 'string' },
  at: isoTime,
}, { ...STRICT, _id: false });

const ReportVerificationSchema = new Schema<ReportVerification>({
  _id: required(String),
  labId: required(Number),
  labReportId: required(Number),
  decision: { type: DecisionSchema, required: false },
  review: { type: ReviewSchema, required: false },
}, { ...STRICT, collection: REPORT_VERIFICATIONS, versionKey: false, autoIndex: false, autoCreate: false });

export function reportVerificationModelOf(connection: Connection): Model<ReportVerification> {
  return (connection.models.ReportVerification as Model<ReportVerification> | undefined)
    ?? connection.model<ReportVerification>('ReportVerification', ReportVerificationSchema);
}
