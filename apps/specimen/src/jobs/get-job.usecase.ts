import { Injectable } from '@nestjs/common';
import { CommandRequest, GetJobInput, JobView } from '@labflow/contracts';
import { authenticatedInput } from '@labflow/platform/service';
import { SPECIMEN_ERRORS, SpecimenException } from '../specimens/specimen.exception';
import { JobRepository, toJobView } from './job.repository';

/** GET /api/jobs/:jobId — the job's status and, when it failed, the spec's reason. Another lab's job is 404. */
@Injectable()
export class GetJobUseCase {
  constructor(private readonly jobs: JobRepository) {}

  async execute(request: CommandRequest): Promise<JobView> {
    const { principal, input } = authenticatedInput(GetJobInput, request);
    const job = await this.jobs.find(principal.labId, input.jobId);
    if (!job) throw new SpecimenException(SPECIMEN_ERRORS.notFound);
    return toJobView(job);
  }
}
