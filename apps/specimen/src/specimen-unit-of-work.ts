import { Queryable } from '@labflow/platform/kafka';
import { RepositoryOf, UnitOfWork } from '@labflow/platform/handling';
import { JobRepository } from './jobs/job.repository';
import { PartyRepository } from './parties/party.repository';
import { SpecimenRepository } from './specimens/specimen.repository';

/** The specimen app's repositories (the only code that touches its schema), by their public members so a fake can stand in. */
export interface SpecimenRepositories {
  specimens: RepositoryOf<SpecimenRepository>;
  jobs: RepositoryOf<JobRepository>;
  parties: RepositoryOf<PartyRepository>;
}

export type SpecimenUnitOfWork = UnitOfWork<SpecimenRepositories>;

export const specimenRepositories = (session: Queryable): SpecimenRepositories => ({
  specimens: new SpecimenRepository(session),
  jobs: new JobRepository(session),
  parties: new PartyRepository(session),
});
