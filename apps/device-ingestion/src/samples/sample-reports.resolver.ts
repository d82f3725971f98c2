import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KafkaMessageContext } from '@labflow/platform/kafka';
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
  constructor(private readonly dataSource: DataSource, private readonly owner: SampleOwnerClient, private readonly samples: SampleRepository) {}

  async fromOwner(labId: number, sampleId: string, cause: KafkaMessageContext): Promise<SampleReport[]> {
    const reports = await this.owner.labReportsOf(labId, sampleId, cause);
    if (reports.length > 0) {
      await this.dataSource.transaction(async (manager) => {
        for (const report of reports) await this.samples.add(manager, labId, sampleId, report);
      });
    }
    return reports;
  }
}
