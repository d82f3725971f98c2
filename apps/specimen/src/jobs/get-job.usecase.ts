import { Injectable } from '@nestjs/common';
import { GetJobInput, JobView, SPECIMEN_COMMANDS } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { SpecimenUnitOfWork } from '../specimen-unit-of-work';
import { specimenError } from '../specimens/specimen.errors';
import { toJobView } from './job.repository';

/** GET /api/jobs/:jobId — the job's status and, when it failed, the spec's reason. Another lab's job is 404. */
@Injectable()
@HandlesQuery(SPECIMEN_COMMANDS.getJob, GetJobInput)
export class GetJobUseCase {
  async execute(command: Command<GetJobInput>, unit: SpecimenUnitOfWork): Promise<JobView> {
    const job = await unit.jobs.find(command.labId, command.input.jobId);
    if (!job) throw specimenError('NOT_FOUND');
    return toJobView(job);
  }
}
