import { errorTable } from '@labflow/platform/handling';

/** The rerun app's one error table: each code's status and message (seed 000's where it names one). */
export const RERUN_ERRORS = errorTable({
  LAB_REPORT_NOT_FOUND: { status: 404, message: 'Lab report not found' },
  LAB_REPORT_MISMATCH: { status: 400, message: (field: string) => `${field} must equal the lab report id of the path` },
  SAMPLE_MISMATCH: { status: 400, message: (sampleId: string) => `sample_id ${sampleId} does not belong to this lab report` },
  VALIDATION_FAILED: { status: 400, message: (problem: string) => problem },
  INVALID_REQUESTED_PARAMETERS: { status: 400, message: (problem: string) => problem },
  RERUN_NOT_REQUESTED: { status: 404, message: (rerunNumber: string) => `No sample rerun ${rerunNumber} was requested for this lab report` },
  PARAMETERS_NOT_REQUESTED: {
    status: 400, message: (rerunNumber: string) => `None of the device_data indexes was requested for sample rerun ${rerunNumber}`,
  },
  RERUN_ALREADY_ACTIVE: { status: 409, message: 'A sample rerun is already in progress for this lab report; confirm or abort it first' },
  NO_RERUN_IN_PROGRESS: { status: 404, message: 'No sample rerun in progress for this lab report' },
  RERUN_SAVE_FAILED: { status: 500, message: 'Something went wrong when saving sample rerun' },
  RERUN_CONTENDED: { status: 503, message: 'The rerun of this lab report is changing too often, try again' },
  DOCUMENT_DB_DISABLED: {
    status: 503, message: 'Sample rerun values are unavailable: the document store is not enabled (DOCUMENT_DB_ENABLED)',
  },
});

export const rerunError = RERUN_ERRORS.error;
