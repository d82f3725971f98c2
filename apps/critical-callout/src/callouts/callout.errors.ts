import { errorTable } from '@labflow/platform/handling';

/** The critical-callout app's one error table. */
export const CALLOUT_ERRORS = errorTable({
  BILL_NOT_FOUND: { status: 404, message: 'Bill not found' },
  LAB_REPORT_NOT_FOUND: { status: 404, message: (labReportId: string, billId: string) => `Lab report ${labReportId} not found in bill ${billId}` },
  // CLSI GP47: what a completed notification must name (the gateway's validation code and status)
  VALIDATION_FAILED: { status: 400, message: (problem: string) => problem },
});

export const calloutError = CALLOUT_ERRORS.error;
