import { errorTable } from '@labflow/platform/handling';

/** The orders app's one error table: each code's status and message (seed 004's where it names one). */
export const ORDER_ERRORS = errorTable({
  ORDER_NOT_FOUND: { status: 404, message: 'Order not found' },
  ORDER_TRANSACTION_NOT_FOUND: { status: 404, message: 'Order transaction not found' },
  ORDER_ALREADY_CANCELLED: { status: 409, message: 'Order is already cancelled' },
  ORDER_NOT_CANCELLABLE: { status: 409, message: (status: string) => `Order cannot be cancelled in status ${status}` },
  ORDER_FINISHED: { status: 409, message: (status: string) => `Order is ${status}: no further updates are accepted` },
  INVALID_STATUS_TRANSITION: { status: 409, message: (from: string, to: string) => `Order cannot move from ${from} to ${to}` },
  BIOMARKER_NOT_ORDERED: { status: 400, message: (biomarker: string) => `Biomarker ${biomarker} is not part of this order` },
  RESULT_OR_MISSING_REASON: { status: 400, message: (biomarker: string) => `Biomarker ${biomarker} needs either a result or a missing_reason` },
  DUPLICATE_BIOMARKER: { status: 400, message: (biomarker: string) => `Biomarker ${biomarker} is reported more than once` },
  WEBHOOK_ENDPOINT_NOT_FOUND: { status: 404, message: 'Webhook endpoint not found' },
});

export const orderError = ORDER_ERRORS.error;
