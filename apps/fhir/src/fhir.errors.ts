import { errorTable } from '@labflow/platform/handling';

/** The FHIR app's one error table (OperationOutcome's code and words are the gateway's mapping of these). */
export const FHIR_ERRORS = errorTable({
  NOT_FOUND: { status: 404, message: (reference: string) => `${reference} not found` },
  INVALID_SEARCH_PARAMETER: { status: 400, message: (problem: string) => problem },
});

export const fhirError = FHIR_ERRORS.error;
