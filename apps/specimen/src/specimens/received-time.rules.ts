import { SpecimenErrorCode } from './specimen.errors';
import { SpecimenRow } from './specimen.repository';

/**
 * seed 003's checks on the specimen itself, in the spec's order: status, the time window,
 * then set-once. Used when the request arrives and again by the job to explain a refused update.
 */
export function receivedTimeRefusal(specimen: SpecimenRow, receivedTime: Date, now: Date): SpecimenErrorCode | null {
  if (specimen.status !== 'available') return 'SPECIMEN_NOT_AVAILABLE';
  if (receivedTime.getTime() < specimen.collected_at.getTime() || receivedTime.getTime() > now.getTime()) return 'RECEIVED_TIME_OUT_OF_RANGE';
  if (specimen.received_time !== null) return 'RECEIVED_TIME_ALREADY_SET';
  return null;
}
