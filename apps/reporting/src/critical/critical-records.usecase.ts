import { Injectable } from '@nestjs/common';
import { CommandRequest, CriticalRecordsQuery, CriticalRecordsResult } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { criticalParameters } from './critical-parameters';
import { CriticalRecordsRepository } from './critical-records.repository';
import { departmentScope } from './department-scope';
import { labReportRelationView } from './lab-report-relation.view';

/**
 * GET /report/:billId/critical/records (seed 001 §1), served by reporting because it owns lab reports,
 * values, ranges and criticalValues. The draft (attempted_callout) belongs to critical-callout; reporting
 * keeps the bill's latest draft as a read model of critical.callout_recorded, so this read needs no
 * cross-service call (eventually consistent: a draft shows once the event was applied).
 */
@Injectable()
export class CriticalRecordsUseCase {
  constructor(private readonly records: CriticalRecordsRepository) {}

  async execute(request: CommandRequest): Promise<CriticalRecordsResult> {
    const { principal, input } = authenticatedInput(CriticalRecordsQuery, request);
    const labId = principal.labId;
    if (!(await this.records.billExists(labId, input.billId))) throw new DomainException(404, 'BILL_NOT_FOUND', 'Bill not found');
    const rows = await this.records.criticalReports(labId, input.billId, departmentScope(principal));
    const values = await this.records.valuesOf(labId, rows);
    const reports = rows
      .map((row) => ({
        critical_parameters: criticalParameters(
          row.report_data, row.age_range_data, { dateOfBirth: row.date_of_birth, gender: row.gender },
          // The patient's age when the sample was taken decides the age band.
          row.collected_at ? new Date(row.collected_at) : new Date(), values.get(row.id) ?? [],
        ),
        lab_report: labReportRelationView(row),
      }))
      // seed 001: reports with no critical parameters are excluded.
      .filter((r) => r.critical_parameters.length > 0);
    return { reports, attempted_callout: (await this.records.draftOf(labId, input.billId)) ?? {} };
  }
}
