import { CommandRequest, PayloadClass, Principal, validatePayload } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';

/**
 * Re-validates a command's input in the owning service (a use case is safe from HTTP, Kafka and
 * tests alike) and requires an authenticated principal.
 */
export function authenticatedInput<T extends object>(cls: PayloadClass<T>, request: CommandRequest): { principal: Principal; input: T } {
  return { principal: authenticatedPrincipal(request), input: validInput(cls, request.input) };
}

/** The caller of a command that takes no input (an empty class is an "unknown value" to class-validator). */
export function authenticatedPrincipal(request: CommandRequest): Principal {
  if (!request?.principal) throw new DomainException(401, 'INVALID_TOKEN', 'Invalid access token');
  return request.principal;
}

export function validInput<T extends object>(cls: PayloadClass<T>, input: unknown): T {
  const checked = validatePayload(cls, input);
  if (checked.problems.length > 0) {
    throw new DomainException(400, 'VALIDATION_FAILED', checked.problems[0], { errors: checked.problems });
  }
  return checked.value as T;
}
