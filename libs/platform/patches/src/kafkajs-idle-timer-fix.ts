import { createRequire } from 'node:module';
import { installedRelease } from './installed-release';

/** The kafkajs release whose RequestQueue this fixes; another release is left alone (and the spec says so). */
export const FIXED_KAFKAJS_VERSION = '2.2.4';

interface RequestQueueInternals {
  pending: unknown[];
  scheduleCheckPendingRequests(): void;
}

let installed = false;

/**
 * kafkajs 2.2.4 re-arms a "check pending requests" timer after every answer of a broker even when no
 * request is pending: without broker throttling its delay is negative, Node runs it after 1 ms, and
 * it re-arms itself, so every broker connection spins a 1 ms timer for the life of the process
 * (kafkajs issue 1556, unfixed upstream). Here that was ~40% of an idle app's CPU, in each of eight apps.
 * With nothing pending there is nothing to check (a request pushed later is sent at once, or arms the
 * timer itself), so the method returns; with requests pending it runs as before. Idempotent;
 * installed by the app's bootstrap (installLibraryPatches). Returns whether the fix is in place.
 */
export function fixKafkajsIdleTimerLoop(found = installedRelease('kafkajs')): boolean {
  if (installed) return true;
  if (found !== FIXED_KAFKAJS_VERSION) return false;
  const load = createRequire(require.resolve('kafkajs'));
  const RequestQueue = load('./src/network/requestQueue') as { prototype: RequestQueueInternals };
  const schedule = RequestQueue.prototype.scheduleCheckPendingRequests;
  RequestQueue.prototype.scheduleCheckPendingRequests = function scheduleOnlyWhenPending(this: RequestQueueInternals) {
    if (this.pending.length === 0) return;
    schedule.call(this);
  };
  installed = true;
  return true;
}
