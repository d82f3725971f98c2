import { errorTable } from '@labflow/platform/handling';

/** The specimen app's one error table: seed 003's status table (each refusal's status and exact message). */
export const SPECIMEN_ERRORS = errorTable({
  NOT_FOUND: { status: 404, message: 'not found' },
  PARTY_NOT_VERIFIED: { status: 403, message: 'Access denied. Party is not verified' },
  PARTY_DECEASED: { status: 403, message: 'Access denied. Party is deceased' },
  LEGAL_ENTITY_NOT_ACTIVE: { status: 409, message: 'client_id refers to legal entity that is not active' },
  SPECIMEN_NOT_AVAILABLE: { status: 409, message: 'Specimen is not in available status' },
  RECEIVED_TIME_OUT_OF_RANGE: { status: 422, message: 'Should be between collected datetime and current datetime' },
  RECEIVED_TIME_ALREADY_SET: { status: 422, message: 'Value is already set and cannot be changed' },
  UPDATED_AT_IN_FUTURE: { status: 422, message: 'updated_at cannot be in the future' },
});

export type SpecimenErrorCode = keyof typeof SPECIMEN_ERRORS.entries;

export const specimenError = SPECIMEN_ERRORS.error;
