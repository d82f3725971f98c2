import { Principal } from '@labflow/contracts';
import { Command } from './command';
import { DomainError, ErrorEntry, ErrorTable } from './domain-error';

/** The command the seam would build for `principal` asking `input` (use case specs). */
export function commandFor<I extends object>(principal: Principal, input: I, messageId = 'spec-message'): Command<I> {
  const labId = principal.labId;
  return { labId, principal, input, messageId, cause: { labId, correlationId: 'spec-correlation', causationId: messageId } };
}

/** The domain error `promise` fails with, as the caller is answered (status, code, message); throws if it does not fail so. */
export async function failureOf(
  errors: ErrorTable<Record<string, ErrorEntry>>, promise: Promise<unknown>,
): Promise<{ status: number; code: string; message: string }> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof DomainError)) throw new Error(`expected a domain error, got ${error === null ? 'success' : String(error)}`);
  const { status, code, message } = errors.toException(error);
  return { status, code, message };
}
