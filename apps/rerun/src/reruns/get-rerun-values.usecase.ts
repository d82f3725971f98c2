import { Inject, Injectable } from '@nestjs/common';
import { LabReportIdParam, RERUN_COMMANDS, SampleRerunValuesResult } from '@labflow/contracts';
import { CommonConfig } from '@labflow/platform/config';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { APP_CONFIG } from '@labflow/platform/service';
import { RerunUnitOfWork } from '../rerun-unit-of-work';
import { rerunError } from './rerun.errors';

/**
 * seed 000 §1 `GET sample-rerun/:id`: every stored rerun value of the report, oldest first. A report
 * with a lifecycle in this lab exists in this lab (each lifecycle is written after reporting answered
 * for the report, and lab reports are never deleted), so reporting is asked only for a report rerun
 * has never seen: to tell an empty answer from 404.
 */
@Injectable()
@HandlesQuery(RERUN_COMMANDS.values, LabReportIdParam)
export class GetRerunValuesUseCase {
  constructor(@Inject(APP_CONFIG) private readonly config: CommonConfig) {}

  async execute(command: Command<LabReportIdParam>, unit: RerunUnitOfWork): Promise<SampleRerunValuesResult> {
    // seed 000 §1 guard: DOCUMENT_DB_ENABLED must be true.
    if (!this.config.DOCUMENT_DB_ENABLED) throw rerunError('DOCUMENT_DB_DISABLED');
    const { labId, principal, input } = command;
    const doc = await unit.lifecycles.find(labId, input.labReportId);
    if (!doc) {
      await unit.reporting.contextOf(principal, input.labReportId, command.cause); // 404 for an unknown or another lab's report
      return { reruns: [] };
    }
    const values = doc.closed ? [] : doc.values;
    return {
      reruns: values.map((v) => ({
        _id: v._id, lab_id: v.lab_id, sample_id: v.sample_id, value: v.value, order: v.order, index: v.index,
        rerun_type: v.rerun_type, rerun_number: v.rerun_number, parameter_name: v.parameter_name,
        device_id: v.device_id, device_name: v.device_name, created_at: new Date(v.created_at).toISOString(),
      })),
    };
  }
}
