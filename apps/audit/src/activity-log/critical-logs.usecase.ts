import { Injectable } from '@nestjs/common';
import { CRITICAL_CALLOUT_LOG_CATEGORY, CRITICAL_COMMANDS, CriticalLogEntry, CriticalLogsQuery } from '@labflow/contracts';
import { Command, HandlesQuery } from '@labflow/platform/handling';
import { AuditUnitOfWork } from '../audit-unit-of-work';
import { auditError } from './audit.errors';

/** seed 001 §2: size=1000, sorted by activityDate, oldest first. */
const MAX_ENTRIES = 1000;

/**
 * GET /report/bulk/critical-notification/logs?report_ids=1,2,3 — the callout timeline (category 648)
 * of the caller's lab for those reports. Read from PostgreSQL, the system of record, so an entry is
 * visible as soon as it is stored (the Elasticsearch mirror refreshes later).
 */
@Injectable()
@HandlesQuery(CRITICAL_COMMANDS.calloutLogs, CriticalLogsQuery)
export class CriticalLogsUseCase {
  async execute(command: Command<CriticalLogsQuery>, unit: AuditUnitOfWork): Promise<CriticalLogEntry[]> {
    const ids = parseReportIds(command.input.report_ids);
    const rows = await unit.activityLog.forReports(command.labId, CRITICAL_CALLOUT_LOG_CATEGORY, ids, MAX_ENTRIES);
    return rows.map((r) => ({
      meta: r.meta ?? {},
      labUserName: r.lab_user_name,
      activityText: r.activity_text,
      activityDate: new Date(r.activity_date).toISOString(),
    }));
  }
}

/** seed 001: every id is digit-checked before any query. */
export function parseReportIds(raw: string): number[] {
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.length === 0 || parts.some((p) => !/^\d{1,10}$/.test(p) || Number(p) > 2147483647)) throw auditError('VALIDATION_FAILED');
  return [...new Set(parts.map(Number))];
}
