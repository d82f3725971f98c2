import { isInProgress, RerunLifecycle } from './rerun-lifecycle';
import { rerunError } from './rerun.errors';

/** The lifecycle to close, or 404 when none is in progress (in this lab). */
export function inProgressOrNotFound(current: RerunLifecycle | null): RerunLifecycle {
  if (!isInProgress(current)) throw rerunError('NO_RERUN_IN_PROGRESS');
  return current;
}

/**
 * seed 000 `close_rerun()`: rerun values and requests leave the document store. The document keeps
 * only its pending events until the relay has published them, then the relay deletes it.
 */
export function closed(doc: RerunLifecycle, sequence: number): RerunLifecycle {
  return { ...doc, sequence, closed: true, requests: [], values: [], autoRerunQueued: false };
}
