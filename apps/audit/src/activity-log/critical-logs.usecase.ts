import { Injectable } from '@nestjs/common';
import { CommandRequest, CRITICAL_CALLOUT_LOG_CATEGORY, CriticalLogEntry, CriticalLogsQuery } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { ActivityLogRepository } from './activity-log.repository';

/** seed 001 §2: size=1000, sorted by activityDate, oldest first. */
const MAX_ENTRIES = 1000;

/**
 * GET /report/bulk/critical-notification/logs?report_ids=1,2,3 — the callout timeline (category 648)
 * of the caller's lab for those reports. Read from PostgreSQL, the system of record, so an entry is
 * visible as soon as it is stored (the Elasticsearch mirror refreshes later).
 */
@Injectable()
export class CriticalLogsUseCase {
  constructor(private readonly log: ActivityLogRepository) {}

  async execute(request: CommandRequest): Promise<CriticalLogEntry[]> {
    const { principal, input } = authenticatedInput(CriticalLogsQuery, request);
    const ids = parseReportIds(input.report_ids);
    const rows = await this.log.forReports(principal.labId, CRITICAL_CALLOUT_LOG_CATEGORY, ids, MAX_ENTRIES);
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
  if (parts.length === 0 || parts.some((p) => !/^\d{1,10}$/.test(p) || Number(p) > 2147483647)) {
    throw new DomainException(400, 'VALIDATION_FAILED', 'report_ids must be a comma-separated list of integers');
  }
  return [...new Set(parts.map(Number))];
}
