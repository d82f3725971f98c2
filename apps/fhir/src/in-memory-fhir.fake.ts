import { CommandRequest, FhirJson, newEnvelope } from '@labflow/contracts';
import { Command, declarationOf, Handling, InMemoryUnitsOfWork, RepositoryOf, UseCase } from '@labflow/platform/handling';
import { FHIR_ERRORS } from './fhir.errors';
import { FhirRepositories } from './fhir-unit-of-work';
import { ProjectionRepository } from './projection/projection.repository';
import { ReadModelRepository } from './rest/read-model.repository';

/** Calls of the projection's writes, in order: what an event use case did. */
export class RecordingProjection {
  readonly calls: { method: string; args: unknown[] }[] = [];
  /** What observationsForUpdate answers. */
  existing = new Map();

  constructor() {
    return new Proxy(this, {
      get: (target, name: string) => {
        if (name in target) return (target as unknown as Record<string, unknown>)[name];
        return async (...args: unknown[]) => {
          target.calls.push({ method: name, args });
          return name === 'observationsForUpdate' ? target.existing : undefined;
        };
      },
    });
  }
}

export const recordingProjection = () => new RecordingProjection() as RecordingProjection & RepositoryOf<ProjectionRepository>;

/**
 * A FHIR use case asked through the seam over in-memory repositories, as the gateway's request
 * reaches it (validated, the principal required): answers the reply's body, or throws the
 * DomainException the caller would be answered.
 */
export function askedThroughSeam(
  useCase: UseCase<Command<never>, FhirJson, never>, readModel: RepositoryOf<ReadModelRepository>,
): (request: CommandRequest) => Promise<FhirJson> {
  const repositories: FhirRepositories = { readModel, projection: recordingProjection() };
  const handling = new Handling(new InMemoryUnitsOfWork(repositories), FHIR_ERRORS);
  return async (request) => {
    const envelope = newEnvelope('fhir.request', 1, {}, { labId: null, correlationId: 'spec', causationId: null });
    const reply = await handling.handle(declarationOf(useCase.constructor), useCase as never, request,
      { envelope, causedContext: { labId: null, correlationId: 'spec', causationId: envelope.id } });
    if (!reply?.ok) throw new Error('the seam answered no success');
    return reply.body as FhirJson;
  };
}
