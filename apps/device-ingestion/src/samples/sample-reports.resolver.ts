import { Injectable } from '@nestjs/common';
import { MessageContext } from '@labflow/contracts';
import { RepositoryOf } from '@labflow/platform/handling';
import { SampleOwnerClient } from './sample-owner.client';
import { SampleReport, SampleRepository } from './sample.repository';

/**
 * The lab reports of an upload's sample when what device-ingestion learned from `bill.registered`
 * is not enough (none, or none of the device's tests): a registration answered a moment ago may not
 * have reached it yet, and refusing would lose the result. Reporting is asked, and its answer kept
 * (the later `bill.registered` adds the same rows, a no-op), so the next upload needs no question.
 */
@Injectable()
export class SampleReportsResolver {
  constructor(private readonly owner: SampleOwnerClient) {}

  async fromOwner(samples: RepositoryOf<SampleRepository>, labId: number, sampleId: string, cause: MessageContext): Promise<SampleReport[]> {
    const reports = await this.owner.labReportsOf(labId, sampleId, cause);
    await samples.addAll(labId, sampleId, reports);
    return reports;
  }
}
