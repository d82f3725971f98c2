import { errorTable } from '@labflow/platform/handling';

/** The audit app's one error table. */
export const AUDIT_ERRORS = errorTable({
  // seed 001: every id is digit-checked before any query (the gateway's validation code and status)
  VALIDATION_FAILED: { status: 400, message: 'report_ids must be a comma-separated list of integers' },
});

export const auditError = AUDIT_ERRORS.error;
