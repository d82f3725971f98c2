import { DomainException } from '@labflow/platform/kafka';

type Message = string | ((...details: string[]) => string);

/** One row of an app's error table: the HTTP status and the specification's message of a code. */
export interface ErrorEntry {
  status: number;
  message: Message;
}

type DetailsOf<E extends ErrorEntry> = E['message'] extends (...details: infer A) => string ? A : [];

/**
 * A named failure of a use case: only its code and the values its message names. Which status and
 * which words the caller sees is the app's error table's business, not the use case's.
 */
export class DomainError extends Error {
  constructor(readonly code: string, readonly details: readonly string[] = []) {
    super(code);
    this.name = 'DomainError';
  }
}

export interface ErrorTable<T extends Record<string, ErrorEntry>> {
  readonly entries: T;
  /** The failure `code`, with the values its message takes. */
  error<C extends keyof T & string>(code: C, ...details: DetailsOf<T[C]>): DomainError;
  /** What the caller is answered for `error`: status, code and message (a code the table lacks is a 500). */
  toException(error: DomainError): DomainException;
}

/** An app's one table of domain error codes; every use case of the app raises only its codes. */
export function errorTable<T extends Record<string, ErrorEntry>>(entries: T): ErrorTable<T> {
  return {
    entries,
    error: (code, ...details) => new DomainError(code, details as readonly string[]),
    toException(error) {
      const entry: ErrorEntry | undefined = entries[error.code];
      if (!entry) return new DomainException(500, 'INTERNAL', 'Internal error', { unmappedCode: error.code });
      const message = typeof entry.message === 'string' ? entry.message : entry.message(...error.details);
      return new DomainException(entry.status, error.code, message);
    },
  };
}
