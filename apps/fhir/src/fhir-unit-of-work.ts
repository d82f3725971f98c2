import { Queryable } from '@labflow/platform/kafka';
import { RepositoryOf, UnitOfWork } from '@labflow/platform/handling';
import { ProjectionRepository } from './projection/projection.repository';
import { ReadModelRepository } from './rest/read-model.repository';

/** The FHIR app's repositories: the projection's writes (events) and its reads (the REST API). */
export interface FhirRepositories {
  projection: RepositoryOf<ProjectionRepository>;
  readModel: RepositoryOf<ReadModelRepository>;
}

export type FhirUnitOfWork = UnitOfWork<FhirRepositories>;

export const fhirRepositories = (session: Queryable): FhirRepositories => ({
  projection: new ProjectionRepository(session),
  readModel: new ReadModelRepository(session),
});
