import { Inject, Injectable } from '@nestjs/common';
import { REGISTRATION_QUERIES, systemPrincipal } from '@labflow/contracts';
import { CommandBus, replyFailure } from '@labflow/platform/kafka';
import { APP_CONFIG, AskCause, askOwner, ServiceConfig } from '@labflow/platform/service';
import { SampleReport } from './sample.repository';

/**
 * Asks reporting, the owner of registrations, which lab reports a sample of a lab carries: the
 * answer `bill.registered` brings later. Empty when the lab has no such sample; reporting not
 * answering throws the retryable 503/504 (never a 404: the sample may well exist).
 */
@Injectable()
export class SampleOwnerClient {
  constructor(@Inject(CommandBus) private readonly bus: CommandBus, @Inject(APP_CONFIG) private readonly config: ServiceConfig) {}

  async labReportsOf(labId: number, sampleId: string, cause: AskCause): Promise<SampleReport[]> {
    const reply = await askOwner(this.bus, this.config, REGISTRATION_QUERIES.sampleLabReports, systemPrincipal(labId), { sampleId }, cause);
    if (reply.ok) return reply.body.labReports;
    if (reply.status === 404) return [];
    throw replyFailure(reply);
  }
}
