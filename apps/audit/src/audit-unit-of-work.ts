import type { Client } from '@elastic/elasticsearch';
import { Queryable } from '@labflow/platform/kafka';
import { RepositoryOf, UnitOfWork } from '@labflow/platform/handling';
import { ActivityLogRepository } from './activity-log/activity-log.repository';
import { ActivityMirror } from './activity-log/activity-mirror';

/** The audit app's stores: the activity log (system of record) and its Elasticsearch mirror. */
export interface AuditRepositories {
  activityLog: RepositoryOf<ActivityLogRepository>;
  mirror: RepositoryOf<ActivityMirror>;
}

export type AuditUnitOfWork = UnitOfWork<AuditRepositories>;

export const auditRepositories = (mirrorIndex: string) => (session: Queryable, elastic: Client): AuditRepositories => ({
  activityLog: new ActivityLogRepository(session),
  mirror: new ActivityMirror(elastic, mirrorIndex),
});
