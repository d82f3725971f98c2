import { errorTable } from '@labflow/platform/handling';

/**
 * Verification's one error table (docs/autoverification.md). The test's and the rerun's own
 * refusals come from the apps that own them (TEST_NOT_FOUND from reporting, rerun's 404 / 409) and
 * are relayed as those apps answered.
 */
export const VERIFICATION_ERRORS = errorTable({
  RULE_SET_NOT_FOUND: { status: 404, message: 'Rule set not found' },
  DEVICE_NOT_FOUND: { status: 404, message: 'Device not found' },
  QC_HOLD_NOT_FOUND: { status: 404, message: 'No QC hold on this device' },
  DECISION_NOT_FOUND: { status: 404, message: 'No verification decision for this lab report' },
  REPORT_NOT_HELD: { status: 409, message: (status: string) => `Only a held report can be reviewed (this one is ${status})` },
  UNKNOWN_TEST_PARAMETER: { status: 400, message: (field: string, index: string) => `${field} ${index} is not a parameter of this test` },
  /** a repeated parameter or device (the other validation failures are the input class's, with the same code) */
  VALIDATION_FAILED: { status: 400, message: (field: string, value: string) => `${field} ${value} is repeated` },
});

export const verificationError = VERIFICATION_ERRORS.error;
