import { Inject, Injectable } from '@nestjs/common';
import { LabReportIdParam, MessageContext, Principal, SampleRerunValuesResult } from '@labflow/contracts';
import { CommonConfig } from '@labflow/platform/config';
import { DomainException } from '@labflow/platform/kafka';
import { APP_CONFIG } from '@labflow/platform/service';
import { ReportingContextClient } from './reporting-context.client';
import { RerunLifecycleRepository } from './rerun-lifecycle.repository';

/** seed 000 §1 `GET sample-rerun/:id`: every stored rerun value of the report, oldest first. */
@Injectable()
export class GetRerunValuesUseCase {
  constructor(
    private readonly lifecycles: RerunLifecycleRepository,
    private readonly reporting: ReportingContextClient,
    @Inject(APP_CONFIG) private readonly config: CommonConfig,
  ) {}

  async execute(principal: Principal, input: LabReportIdParam, ctx: MessageContext): Promise<SampleRerunValuesResult> {
    // seed 000 §1 guard: DOCUMENT_DB_ENABLED must be true.
    if (!this.config.DOCUMENT_DB_ENABLED) {
      throw new DomainException(503, 'DOCUMENT_DB_DISABLED', 'Sample rerun values are unavailable: the document store is not enabled (DOCUMENT_DB_ENABLED)');
    }
    await this.reporting.contextOf(principal, input.labReportId, ctx); // 404 for an unknown or another lab's report
    const doc = await this.lifecycles.find(principal.labId, input.labReportId);
    const values = doc && !doc.closed ? doc.values : [];
    return {
      reruns: values.map((v) => ({
        _id: v._id, lab_id: v.lab_id, sample_id: v.sample_id, value: v.value, order: v.order, index: v.index,
        rerun_type: v.rerun_type, rerun_number: v.rerun_number, parameter_name: v.parameter_name,
        device_id: v.device_id, device_name: v.device_name, created_at: new Date(v.created_at).toISOString(),
      })),
    };
  }
}
