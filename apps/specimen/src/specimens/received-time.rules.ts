import { SPECIMEN_ERRORS, SpecimenError } from './specimen.exception';
import { SpecimenRow } from './specimen.repository';

/**
 * seed 003's checks on the specimen itself, in the spec's order: status, the time window,
 * then set-once. Used when the request arrives and again by the job to explain a refused update.
 */
export function receivedTimeRefusal(specimen: SpecimenRow, receivedTime: Date, now: Date): SpecimenError | null {
  if (specimen.status !== 'available') return SPECIMEN_ERRORS.notAvailable;
  if (receivedTime.getTime() < specimen.collected_at.getTime() || receivedTime.getTime() > now.getTime()) return SPECIMEN_ERRORS.outOfRange;
  if (specimen.received_time !== null) return SPECIMEN_ERRORS.alreadySet;
  return null;
}
