import { MongoOutboxFields } from '@labflow/platform/kafka';

/** seed 000 §3: a saved rerun request (the spec's SampleRerun record). */
export interface RerunRequestRecord {
  rerunNumber: number;
  type: 'Manual' | 'auto';
  requestedParameters: number[];
  parameterNames: string[];
  isActive: boolean;
  /** Indexes that arrived from the instrument for this request (partial fulfilment, seed 000 §2). */
  receivedParameters: number[];
  fulfilled: boolean;
  createdBy: string;
  updatedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** seed 000 §1/§2: one stored rerun value (the spec's SampleRerunValues record). */
export interface RerunValueRecord {
  _id: string;
  lab_id: number;
  sample_id: string;
  value: string;
  order: number;
  index: number;
  rerun_type: string;
  rerun_number: number;
  parameter_name: string;
  device_id: string;
  device_name: string;
  created_at: Date;
}

/**
 * One document per lab report rerun lifecycle (requests + values + its outbox + its inbox). Every
 * change is one conditional write on `version`, so concurrent deliveries never lose a parameter and
 * the events a change causes are committed with it (FerretDB/DocumentDB: no transactions, no
 * positional updates needed).
 */
export interface RerunLifecycle extends MongoOutboxFields {
  _id: string;
  labId: number;
  labReportId: number;
  sampleId: string | null;
  /** When this lifecycle document was first written (ms): orders events across reopenings. */
  lifecycleEpoch: number;
  /** Last position given to a lifecycle event. */
  sequence: number;
  requests: RerunRequestRecord[];
  values: RerunValueRecord[];
  /** seed 000 §6: an auto rerun was queued for this report (the early return of the auto check). */
  autoRerunQueued: boolean;
  /** Inbox: ids of the messages whose effect this document holds (bounded, newest last). */
  appliedMessageIds: string[];
  closed: boolean;
}

export const lifecycleIdOf = (labId: number, labReportId: number): string => `${labId}:${labReportId}`;

/** A lifecycle is in progress while it holds a request or a value and was not closed. */
export function isInProgress(doc: RerunLifecycle | null): doc is RerunLifecycle {
  return !!doc && !doc.closed && (doc.requests.length > 0 || doc.values.length > 0);
}

export function emptyLifecycle(labId: number, labReportId: number): RerunLifecycle {
  return {
    _id: lifecycleIdOf(labId, labReportId), labId, labReportId, sampleId: null, lifecycleEpoch: Date.now(), sequence: 0,
    requests: [], values: [], autoRerunQueued: false, appliedMessageIds: [], closed: false,
    version: 0, pendingEvents: [], outboxPending: false, outboxSince: null,
  };
}

/** A closed document awaiting its relay is reopened in place: same epoch, sequence continues. */
export function reopened(doc: RerunLifecycle): RerunLifecycle {
  return doc.closed ? { ...doc, closed: false, requests: [], values: [], autoRerunQueued: false, sampleId: null } : doc;
}
