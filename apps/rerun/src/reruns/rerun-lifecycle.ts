
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
 * The state of a lab report's rerun lifecycle (requests + values + its inbox). Each change is a new
 * entry `<labId>:<labReportId>:<version>` inserted with the events it causes (see
 * RerunLifecycleRepository); the entry with the highest version is the current state.
 */
export interface RerunLifecycle {
  labId: number;
  labReportId: number;
  version: number;
  sampleId: string | null;
  /** When this lifecycle was first written (ms): with `sequence`, orders its events for consumers. */
  lifecycleEpoch: number;
  /** Last position given to a lifecycle event. */
  sequence: number;
  requests: RerunRequestRecord[];
  values: RerunValueRecord[];
  /** seed 000 §6: an auto rerun was queued for this report (the early return of the auto check). */
  autoRerunQueued: boolean;
  /** Inbox: ids of the messages whose effect this state holds (bounded, newest last). */
  appliedMessageIds: string[];
  /** Closed by confirm or abort: holds no request and no value; the next request reopens it. */
  closed: boolean;
}

export const lifecycleIdOf = (labId: number, labReportId: number): string => `${labId}:${labReportId}`;

/** A lifecycle is in progress while it holds a request or a value and was not closed. */
export function isInProgress(doc: RerunLifecycle | null): doc is RerunLifecycle {
  return !!doc && !doc.closed && (doc.requests.length > 0 || doc.values.length > 0);
}

export function emptyLifecycle(labId: number, labReportId: number): RerunLifecycle {
  return {
    labId, labReportId, version: 0, sampleId: null, lifecycleEpoch: Date.now(), sequence: 0,
    requests: [], values: [], autoRerunQueued: false, appliedMessageIds: [], closed: false,
  };
}

/** A closed lifecycle is reopened by the next request or delivery: same epoch, its sequence continues. */
export function reopened(doc: RerunLifecycle): RerunLifecycle {
  return doc.closed ? { ...doc, closed: false, requests: [], values: [], autoRerunQueued: false, sampleId: null } : doc;
}
