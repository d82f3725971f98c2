import { DomainException } from '@labflow/platform/kafka';

/** The orders module's named failures and their messages. */
export const OrderErrors = {
  orderNotFound: () => new DomainException(404, 'ORDER_NOT_FOUND', 'Order not found'),
  transactionNotFound: () => new DomainException(404, 'ORDER_TRANSACTION_NOT_FOUND', 'Order transaction not found'),
  alreadyCancelled: () => new DomainException(409, 'ORDER_ALREADY_CANCELLED', 'Order is already cancelled'),
  notCancellable: (status: string) =>
    new DomainException(409, 'ORDER_NOT_CANCELLABLE', `Order cannot be cancelled in status ${status}`),
  finished: (status: string) =>
    new DomainException(409, 'ORDER_FINISHED', `Order is ${status}: no further updates are accepted`),
  invalidTransition: (from: string, to: string) =>
    new DomainException(409, 'INVALID_STATUS_TRANSITION', `Order cannot move from ${from} to ${to}`),
  biomarkerNotOrdered: (biomarker: string) =>
    new DomainException(400, 'BIOMARKER_NOT_ORDERED', `Biomarker ${biomarker} is not part of this order`),
  resultOrReason: (biomarker: string) =>
    new DomainException(400, 'RESULT_OR_MISSING_REASON', `Biomarker ${biomarker} needs either a result or a missing_reason`),
  duplicateBiomarker: (biomarker: string) =>
    new DomainException(400, 'DUPLICATE_BIOMARKER', `Biomarker ${biomarker} is reported more than once`),
  webhookUrlRefused: (reason: string) => new DomainException(422, 'WEBHOOK_URL_REFUSED', reason),
  webhookEndpointNotFound: () => new DomainException(404, 'WEBHOOK_ENDPOINT_NOT_FOUND', 'Webhook endpoint not found'),
} as const;
