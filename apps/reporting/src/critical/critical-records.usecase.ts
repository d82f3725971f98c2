import { Injectable } from '@nestjs/common';
import { CRITICAL_COMMANDS, CriticalRecordsQuery, CriticalRecordsResult } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { departmentScope } from '../lab-reports/department-scope';
import { reportingError } from '../lab-reports/reporting.errors';
import { ReportingUnitOfWork } from '../lab-reports/reporting-unit-of-work';
import { criticalParameters } from './critical-parameters';
import { labReportRelationView } from './lab-report-relation.view';

/**
 * GET /report/:billId/critical/records (seed 001 §1), served by reporting because it owns lab reports,
 * values, ranges and criticalValues. The draft (attempted_callout) belongs to critical-callout; reporting
 * keeps the bill's latest draft as a read model of critical.callout_recorded, so this read needs no
 * cross-service call (eventually consistent: a draft shows once the event was applied).
 */
@Injectable()
@HandlesQuery(CRITICAL_COMMANDS.records, CriticalRecordsQuery)
export class CriticalRecordsUseCase {
  async execute(command: Command<CriticalRecordsQuery>, unit: ReportingUnitOfWork): Promise<CriticalRecordsResult> {
    const { labId, principal, input } = command;
    if (!(await unit.criticalRecords.billExists(labId, input.billId))) throw reportingError('BILL_NOT_FOUND');
    const rows = await unit.criticalRecords.criticalReports(labId, input.billId, departmentScope(principal));
    const values = await unit.criticalRecords.valuesOf(labId, rows);
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
    return { reports, attempted_callout: (await unit.criticalRecords.draftOf(labId, input.billId)) ?? {} };
  }
}
