import { errorTable } from '@labflow/platform/handling';

/**
 * Reporting's one error table: each code's status and message (seed 001/002's where they name one).
 * VALIDATION_FAILED and INVALID_REPORT_FORMAT name the problem found (a rule of the body), as the
 * seam's own field validation does.
 */
export const REPORTING_ERRORS = errorTable({
  VALIDATION_FAILED: { status: 400, message: (problem: string) => problem },
  INVALID_REPORT_FORMAT: { status: 400, message: (problem: string) => problem },
  FORBIDDEN: { status: 403, message: 'Not allowed to change department assignments' },
  BILL_NOT_FOUND: { status: 404, message: 'Bill not found' },
  DEVICE_NOT_FOUND: { status: 404, message: 'Device not found' },
  SAMPLE_NOT_FOUND: { status: 404, message: 'Sample not found' },
  TEST_NOT_FOUND: { status: 404, message: (testId?: string) => (testId === undefined ? 'Test not found' : `Test ${testId} not found`) },
  /** An upload's report (an event, not a caller's request) names the report and its lab. */
  LAB_REPORT_NOT_FOUND: {
    status: 404,
    message: (labReportId?: string, labId?: string) => (labReportId === undefined ? 'Lab report not found' : `Lab report ${labReportId} of lab ${labId} not found`),
  },
  SAMPLE_EXISTS: { status: 409, message: (sampleId: string) => `Sample ${sampleId} is already registered` },
});

export const reportingError = REPORTING_ERRORS.error;
