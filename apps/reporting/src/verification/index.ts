import { VerificationBlocks } from './verification-blocks';
import { VerificationEventsHandler } from './verification-events.handler';
import { VerificationStatusStore } from './verification-status.store';

/** The autoverification slice of reporting (issue 21): its status, read from verification's events, in the seed 002 reads. */
export const VERIFICATION_HANDLERS = [VerificationEventsHandler];
export const VERIFICATION_PROVIDERS = [VerificationStatusStore, VerificationBlocks];
export { VerificationBlocks };
