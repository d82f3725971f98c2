/**
 * Refusals of schema-valid requests for a rule JSON Schema cannot state. fuzz_hooks.py drops a
 * "Schema-valid request rejected" failure (ST202) only for a response of exactly this operation,
 * status and error code whose message matches; any other refusal of valid data still fails the run.
 * Each entry names its rule; an entry belongs here only when the document cannot express it.
 */
export interface RuleRefusal {
  /** `METHOD /path/{template}`, as Schemathesis labels an operation. */
  operation: string;
  status: number;
  /** The error body's `code` (a FHIR OperationOutcome's `issue[0].details.text`). */
  code: string;
  /** A regular expression the error message must match. */
  message: string;
  rule: string;
}

const REPORT_FORMAT_RULE = 'reportData indexes unique, bands ordered (lower <= upper), age ranges and calculations on existing indexes';

export const RULE_REFUSALS: RuleRefusal[] = [
  { operation: 'POST /reporting/report-format/create', status: 400, code: 'INVALID_REPORT_FORMAT', message: '', rule: REPORT_FORMAT_RULE },
  { operation: 'POST /reporting/report-format/{testId}/update', status: 400, code: 'INVALID_REPORT_FORMAT', message: '', rule: REPORT_FORMAT_RULE },
  {
    operation: 'GET /api-v3/interfacing/device-results-validation/{deviceId}', status: 400, code: 'VALIDATION_FAILED',
    message: '^(startDate must not be after endDate|The date range must not exceed 31 days)$', rule: 'startDate <= endDate, at most 31 days apart',
  },
  {
    operation: 'POST /api-v3/registrations', status: 400, code: 'VALIDATION_FAILED',
    message: '^(samples: sampleId .* is repeated|tests\\.\\d+\\.sampleId .* is not one of samples)$', rule: 'each sample once; a test names one of the samples',
  },
  {
    operation: 'PATCH /api/patients/{patientId}/specimens/{id}/actions', status: 422, code: 'RECEIVED_TIME_OUT_OF_RANGE',
    message: '', rule: 'received between the collection time and now (seed 003)',
  },
  {
    operation: 'PATCH /api/patients/{patientId}/specimens/{id}/actions', status: 422, code: 'RECEIVED_TIME_ALREADY_SET',
    message: '', rule: 'a received time is set once (seed 003): only the first valid request can succeed',
  },
  {
    operation: 'POST /api-v3/devices/{id}/mappings', status: 400, code: 'UNKNOWN_TEST_PARAMETER', message: '', rule: 'an index of the test\'s report format',
  },
  {
    operation: 'POST /api-v3/devices/{id}/mappings', status: 400, code: 'VALIDATION_FAILED',
    message: '^parameters\\.\\d+\\.(testName|index) .* is repeated$', rule: 'each analyzer code and index mapped once',
  },
  {
    operation: 'PUT /api-v3/verification/rule-sets/{testId}', status: 400, code: 'UNKNOWN_TEST_PARAMETER', message: '', rule: 'an index of the test\'s report format',
  },
  {
    operation: 'PUT /api-v3/verification/rule-sets/{testId}', status: 400, code: 'VALIDATION_FAILED',
    message: '^(parameters\\.\\d+\\.index|devices\\.\\d+\\.deviceId) \\d+ is repeated$', rule: 'each parameter and device once',
  },
  {
    operation: 'POST /dataPartialFromDevice', status: 400, code: 'UNKNOWN_TEST_NAME', message: '', rule: 'an analyzer code mapped on the device',
  },
  {
    operation: 'POST /api-v3/sample-rerun/{labReportId}/request', status: 400, code: 'INVALID_REQUESTED_PARAMETERS',
    message: 'is not a parameter of this test|must not repeat an index', rule: 'indexes of the report\'s test, each once',
  },
  {
    operation: 'POST /api-v3/sample-rerun/{labReportId}/confirm', status: 400, code: 'VALIDATION_FAILED',
    message: '^rerun_confirmed_data(: index \\d+ is not a parameter of this test| must not repeat an index)$', rule: 'indexes of the report\'s test, each once',
  },
  {
    operation: 'POST /api-v3/sample-rerun/{labReportId}/confirm', status: 400, code: 'LAB_REPORT_MISMATCH', message: '', rule: 'reportForId_id names the lab report of the path',
  },
  {
    operation: 'POST /api-v3/sample-rerun/{labReportId}/new', status: 400, code: 'VALIDATION_FAILED',
    message: '^(device_data must not repeat an index|rerun_number must be -1 \\(instrument triggered\\) or at least 1)$', rule: 'each index once; rerun_number -1 or >= 1',
  },
  {
    operation: 'POST /api-v3/sample-rerun/{labReportId}/new', status: 400, code: 'LAB_REPORT_MISMATCH', message: '', rule: 'lab_report_id names the lab report of the path',
  },
  {
    operation: 'POST /api-v3/sample-rerun/{labReportId}/new', status: 400, code: 'SAMPLE_MISMATCH', message: '', rule: 'sample_id is the lab report\'s sample',
  },
  {
    operation: 'POST /api-v3/sample-rerun/{labReportId}/new', status: 400, code: 'PARAMETERS_NOT_REQUESTED', message: '', rule: 'values answer the indexes that rerun requested',
  },
  {
    operation: 'POST /report/{billId}/critical/callout', status: 400, code: 'VALIDATION_FAILED',
    message: 'required for a done callout', rule: 'a done callout names the contacted person and the read-back (seed 001)',
  },
  {
    operation: 'POST /v3/lab/orders/{orderId}/results', status: 400, code: 'RESULT_OR_MISSING_REASON', message: '', rule: 'a result or a missing_reason, one of the two',
  },
  {
    operation: 'POST /v3/lab/orders/{orderId}/results', status: 400, code: 'BIOMARKER_NOT_ORDERED', message: '', rule: 'a biomarker of the order',
  },
  {
    operation: 'POST /v3/lab/orders/{orderId}/results', status: 400, code: 'DUPLICATE_BIOMARKER', message: '', rule: 'each biomarker once',
  },
  {
    operation: 'POST /v3/webhooks', status: 422, code: 'WEBHOOK_URL_REFUSED', message: 'could not be resolved', rule: 'the host resolves in DNS (the run has no outside DNS)',
  },
  {
    operation: 'PUT /api-v3/devices/{id}/connection', status: 400, code: 'VALIDATION_FAILED',
    message: '^host must be an IP address', rule: 'server mode: an IP address; client mode: an IP address or a host name (the mode field decides what host may be)',
  },
  {
    operation: 'PUT /api/parties/{partyId}', status: 422, code: 'UPDATED_AT_IN_FUTURE', message: '', rule: 'updated_at is not after the server\'s clock (seed 003)',
  },
  {
    operation: 'PUT /api/legal-entities/{clientId}', status: 422, code: 'UPDATED_AT_IN_FUTURE', message: '', rule: 'updated_at is not after the server\'s clock (seed 003)',
  },
];
