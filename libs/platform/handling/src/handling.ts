import { CommandReply, CommandRequest, Envelope, MessageContext, PayloadClass, systemPrincipal } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { Command, UseCase } from './command';
import { authenticatedInput, authenticatedPrincipal, validInput } from './command-input';
import { Declaration, EventDeclaration } from './declarations';
import { DomainError, ErrorEntry, ErrorTable } from './domain-error';
import { UnitOfWork, UnitsOfWork } from './unit-of-work';

/** The message a use case is run for: its envelope, and the context of the events it causes. */
export interface HandledMessage {
  readonly envelope: Envelope;
  readonly causedContext: MessageContext;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyUseCase = UseCase<Command<any>, unknown, UnitOfWork<any>>;

/**
 * The seam between messages and use cases, written once: builds the use case's command (validated,
 * lab and principal required), runs it in the unit its declaration asks for (inbox claim,
 * transaction, outbox, kept reply), answers with the declared status, and turns the app's domain
 * error codes into status and message through the app's one error table.
 */
export class Handling<R extends object> {
  constructor(private readonly units: UnitsOfWork<R>, private readonly errors: ErrorTable<Record<string, ErrorEntry>>) {}

  async handle(declaration: Declaration, useCase: AnyUseCase, payload: unknown, message: HandledMessage): Promise<CommandReply | undefined> {
    try {
      switch (declaration.kind) {
        case 'query': {
          const command = declaration.labIdOf
            ? inputCommandOf(declaration.input, declaration.labIdOf, payload, message)
            : commandOf(declaration.input, payload, message);
          return success(declaration.status, await this.units.read((unit) => useCase.execute(command, unit)));
        }
        case 'command': {
          const command = declaration.labIdOf
            ? inputCommandOf(declaration.input, declaration.labIdOf, payload, message)
            : commandOf(declaration.input, payload, message);
          if (declaration.claimedBy === 'use-case') {
            return success(declaration.status, await this.units.unclaimed(command.cause, (unit) => useCase.execute(command, unit)));
          }
          const kept = useCase.kept?.bind(useCase) as ((reply: unknown) => unknown) | undefined;
          const claim = { consumer: declaration.consumer, messageId: message.envelope.id, keepReply: true, kept };
          const outcome = await this.units.claimed(claim, command.cause, (unit) => useCase.execute(command, unit));
          const answer = outcome.first ? outcome.result : keptReply(outcome.stored);
          return success(declaration.status, useCase.presented ? useCase.presented(answer) : answer);
        }
        case 'event': {
          if (declaration.appliesTo && !declaration.appliesTo(payload as object)) return undefined;
          const command = eventCommandOf(declaration, payload as object, message);
          const claim = { consumer: declaration.consumer, messageId: message.envelope.id, keepReply: false };
          await this.units.claimed(claim, command.cause, (unit) => useCase.execute(command, unit));
          return undefined;
        }
      }
    } catch (error) {
      throw error instanceof DomainError ? this.errors.toException(error) : error;
    }
  }
}

function success(status: number, body: unknown): CommandReply {
  return { ok: true, status, body: body ?? null };
}

/** A repeat answers what the first delivery answered; a first that kept no reply cannot be answered again. */
function keptReply(stored: unknown): unknown {
  if (stored === null) throw new DomainException(409, 'DUPLICATE_COMMAND', 'This request was already applied');
  return stored;
}

function commandOf(inputClass: PayloadClass<object> | null, payload: unknown, message: HandledMessage): Command<object> {
  const request = payload as CommandRequest;
  const checked = inputClass ? authenticatedInput(inputClass, request) : { principal: authenticatedPrincipal(request), input: {} };
  const { principal, input } = checked;
  return Object.freeze({ labId: principal.labId, principal, input, messageId: message.envelope.id, cause: message.causedContext });
}

/** A command or query without a principal (its declaration's labIdOf): validated, its lab named by its input. */
function inputCommandOf(
  inputClass: PayloadClass<object> | null, labIdOf: (input: object) => number, payload: unknown, message: HandledMessage,
): Command<object> {
  const input = inputClass ? validInput(inputClass, (payload as CommandRequest | null)?.input) : {};
  const labId = labIdOf(input);
  const cause = { ...message.causedContext, labId };
  return Object.freeze({ labId, principal: systemPrincipal(labId), input, messageId: message.envelope.id, cause });
}

function eventCommandOf(declaration: EventDeclaration, payload: object, message: HandledMessage): Command<object> {
  const labId = declaration.labIdOf ? declaration.labIdOf(payload) : message.envelope.labId;
  if (labId === null) throw new Error(`${declaration.pattern} ${message.envelope.id} names no lab`);
  return Object.freeze({ labId, principal: systemPrincipal(labId), input: payload, messageId: message.envelope.id, cause: message.causedContext });
}
