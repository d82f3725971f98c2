import { installValidationMetadataCache, PATCHED_CLASS_VALIDATOR_RELEASE } from './class-validator-metadata-cache';
import { installedRelease } from './installed-release';
import { FIXED_KAFKAJS_VERSION, fixKafkajsIdleTimerLoop } from './kafkajs-idle-timer-fix';

export interface PatchOutcome {
  patch: string;
  /** False: the installed release is not the one the patch was written for, so it was left out. */
  installed: boolean;
  writtenFor: string;
  found: string;
}

/**
 * The two patches of library internals LabFlow carries (CONVENTIONS: a last resort, in one place,
 * installed by each app's bootstrap, never as an import side effect). Each checks the release it was
 * written for; on another it stays out (the app runs, slower) and `warn` says so.
 */
export function installLibraryPatches(
  warn: (message: string) => void = (m) => process.emitWarning(m), releaseOf: typeof installedRelease = installedRelease,
): PatchOutcome[] {
  const [validator, kafkajs] = [releaseOf('class-validator'), releaseOf('kafkajs')];
  const outcomes: PatchOutcome[] = [
    { patch: 'class-validator metadata cache', installed: installValidationMetadataCache(validator), writtenFor: PATCHED_CLASS_VALIDATOR_RELEASE, found: validator },
    { patch: 'kafkajs idle timer fix', installed: fixKafkajsIdleTimerLoop(kafkajs), writtenFor: FIXED_KAFKAJS_VERSION, found: kafkajs },
  ];
  for (const o of outcomes.filter((x) => !x.installed)) warn(`${o.patch} not installed: written for ${o.writtenFor}, found ${o.found}`);
  return outcomes;
}
