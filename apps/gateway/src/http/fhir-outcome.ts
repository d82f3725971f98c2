export const FHIR_CONTENT_TYPE = 'application/fhir+json; charset=utf-8';

/** Whether a request is for the FHIR API: its errors are OperationOutcomes, not LabFlow's JSON error. */
export function isFhirRequest(url: string): boolean {
  return url === '/fhir/R4' || url.startsWith('/fhir/R4/') || url.startsWith('/fhir/R4?');
}

const ISSUE_CODES: Record<number, string> = {
  400: 'invalid', 401: 'login', 403: 'forbidden', 404: 'not-found', 405: 'not-supported', 409: 'conflict',
  413: 'too-costly', 415: 'not-supported', 422: 'processing', 429: 'throttled', 503: 'transient', 504: 'timeout',
};

/** The gateway's error (status, message, code) as an R4 OperationOutcome; the request id is its id. */
export function operationOutcome(statusCode: number, message: string, code: string | undefined, requestId: string): Record<string, unknown> {
  return {
    resourceType: 'OperationOutcome',
    ...(/^[A-Za-z0-9\-.]{1,64}$/.test(requestId) ? { id: requestId } : {}),
    issue: [{
      severity: statusCode >= 500 ? 'fatal' : 'error',
      code: ISSUE_CODES[statusCode] ?? (statusCode >= 500 ? 'exception' : 'processing'),
      ...(code ? { details: { text: code } } : {}),
      diagnostics: message,
    }],
  };
}
