import { MessageContext, Principal, TOPICS } from '@labflow/contracts';
import { DomainError } from '@labflow/platform/handling';
import { DomainException } from '@labflow/platform/kafka';
import { RerunUnitOfWork } from '../rerun-unit-of-work';
import { LifecycleEvent, lifecycleEvent } from './lifecycle-changes';
import { activityOf, RerunActivity } from './rerun-activity';
import { isInProgress, RerunLifecycle } from './rerun-lifecycle';
import { Mutated } from './rerun-lifecycle.repository';

/** A sample rerun request as seed 000 §3 saves it, manual (HTTP) or auto (an upload's qualification). */
export interface RerunRequest {
  principal: Principal;
  labReportId: number;
  type: 'Manual' | 'auto';
  rerunNumber: number;
  requestedParameters: number[];
  parameterNames: string[];
  isActive: boolean;
  sampleId: string;
}

/**
 * The lifecycle with `request` recorded on top of `base` (an open lifecycle holding no request or
 * value), and the events that say so: rerun.request_recorded (reporting sets sampleRedrawFlag 3) and
 * the activity entry 981.
 */
export function recordedRequest(base: RerunLifecycle, request: RerunRequest, now: Date): { next: RerunLifecycle; events: LifecycleEvent[] } {
  const { principal, labReportId, type, rerunNumber, requestedParameters, parameterNames } = request;
  const sequence = base.sequence + 1;
  return {
    next: {
      ...base, sampleId: request.sampleId, sequence, autoRerunQueued: base.autoRerunQueued || type === 'auto',
      requests: [{
        rerunNumber, type, requestedParameters, parameterNames, isActive: request.isActive, receivedParameters: [], fulfilled: false,
        createdBy: principal.sub, updatedBy: principal.sub, createdAt: now, updatedAt: now,
      }],
    },
    events: [
      lifecycleEvent(TOPICS.rerunRequestRecorded, {
        labId: principal.labId, labReportId, lifecycleEpoch: base.lifecycleEpoch, sequence,
        type, rerunNumber, requestedParameters, requestedBy: principal.sub, requestedAt: now.toISOString(),
      }),
      activityOf(principal, labReportId, RerunActivity.RERUN_REQUESTED, `${type} sample rerun ${rerunNumber} requested`, {
        rerunNumber, requestedParameters, parameterNames,
      }),
    ],
  };
}

/**
 * Saves a request's lifecycle change. seed 000 §3: a save that fails (not a rule: the store) logs
 * RERUN_FAILED (984), published directly since nothing was committed to carry it; `failed` is what
 * the caller is answered then.
 */
export async function savedRequest<R>(
  unit: RerunUnitOfWork, request: RerunRequest, cause: MessageContext, save: () => Promise<Mutated<R>>, failed: (error: Error) => Error,
): Promise<Mutated<R>> {
  try {
    return await save();
  } catch (error) {
    if (error instanceof DomainError || error instanceof DomainException) throw error;
    await unit.failures.saveFailed(request.principal, request.labReportId, (error as Error).message, cause);
    throw failed(error as Error);
  }
}

/**
 * seed 000 §3's cache (`sample_rerun_<lab_id>`), written after the document: a repeat writes it
 * again only while that rerun is still open (the first try may have failed on Redis).
 */
export async function cacheRequested(unit: RerunUnitOfWork, labId: number, labReportId: number, rerunNumber: number, outcome: Mutated<unknown>): Promise<void> {
  if (outcome.duplicate ? !isInProgress(await unit.lifecycles.find(labId, labReportId)) : !outcome.written) return;
  await unit.cache.markRequested(labId, labReportId, rerunNumber);
}
