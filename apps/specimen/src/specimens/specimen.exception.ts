import { DomainException } from '@labflow/platform/kafka';

/** seed 003's status table: each refusal's status, a stable code and the spec's exact message. */
export const SPECIMEN_ERRORS = {
  notFound: { status: 404, code: 'NOT_FOUND', message: 'not found' },
  partyNotVerified: { status: 403, code: 'PARTY_NOT_VERIFIED', message: 'Access denied. Party is not verified' },
  partyDeceased: { status: 403, code: 'PARTY_DECEASED', message: 'Access denied. Party is deceased' },
  legalEntityNotActive: { status: 409, code: 'LEGAL_ENTITY_NOT_ACTIVE', message: 'client_id refers to legal entity that is not active' },
  notAvailable: { status: 409, code: 'SPECIMEN_NOT_AVAILABLE', message: 'Specimen is not in available status' },
  outOfRange: { status: 422, code: 'RECEIVED_TIME_OUT_OF_RANGE', message: 'Should be between collected datetime and current datetime' },
  alreadySet: { status: 422, code: 'RECEIVED_TIME_ALREADY_SET', message: 'Value is already set and cannot be changed' },
} as const;

export type SpecimenError = (typeof SPECIMEN_ERRORS)[keyof typeof SPECIMEN_ERRORS];

export class SpecimenException extends DomainException {
  constructor(error: SpecimenError) {
    super(error.status, error.code, error.message);
    this.name = 'SpecimenException';
  }
}
