import { ActivityLogged } from '@labflow/contracts';
import { inMemoryUnitOfWork, RepositoryOf } from '@labflow/platform/handling';
import { ActivityLogRepository, ActivityRow } from './activity-log/activity-log.repository';
import { ActivityMirror } from './activity-log/activity-mirror';
import { AuditRepositories } from './audit-unit-of-work';

export class InMemoryActivityLog implements RepositoryOf<ActivityLogRepository> {
  readonly rows = new Map<string, ActivityLogged>();

  async insert(id: string, e: ActivityLogged): Promise<void> {
    if (!this.rows.has(id)) this.rows.set(id, e);
  }

  async forReports(labId: number, category: number, labReportIds: number[], limit: number): Promise<ActivityRow[]> {
    return [...this.rows.values()]
      .filter((e) => e.labId === labId && e.logCategoryId === category && labReportIds.includes(e.labReportId ?? -1))
      .sort((a, b) => Date.parse(a.activityDate) - Date.parse(b.activityDate))
      .slice(0, limit)
      .map((e) => ({ lab_user_name: e.labUserName, activity_text: e.activityText, meta: (e.meta as Record<string, unknown>) ?? null, activity_date: new Date(e.activityDate) }));
  }
}

export class InMemoryMirror implements RepositoryOf<ActivityMirror> {
  readonly index = 'spec-activity-log';
  readonly documents = new Map<string, ActivityLogged>();

  async put(id: string, e: ActivityLogged): Promise<void> {
    this.documents.set(id, e);
  }
}

export function inMemoryAuditUnit() {
  return inMemoryUnitOfWork({ activityLog: new InMemoryActivityLog(), mirror: new InMemoryMirror() } satisfies AuditRepositories);
}

export const entry = (overrides: Partial<ActivityLogged> = {}): ActivityLogged => ({
  labId: 61, logCategoryId: 648, labReportId: 5, billId: 9, userId: '7', labUserName: 'Dr. Smith',
  activityText: 'Callout Done by - Dr. Smith', meta: { status: 'done' }, activityDate: '2026-05-25T08:00:00.000Z', ...overrides,
});
