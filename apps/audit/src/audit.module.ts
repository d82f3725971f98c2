import { Module } from '@nestjs/common';
import { handlingOf } from '@labflow/platform/handling';
import { ELASTICSEARCH, PlatformModule, ServiceConfig } from '@labflow/platform/service';
import { MIGRATIONS, SCHEMA } from './migrations';
import { activityMirrorIndex } from './activity-log/activity-mirror';
import { AUDIT_ERRORS } from './activity-log/audit.errors';
import { CriticalLogsUseCase } from './activity-log/critical-logs.usecase';
import { RecordActivityUseCase } from './activity-log/record-activity.usecase';
import { auditRepositories } from './audit-unit-of-work';

export function auditModule(config: ServiceConfig) {
  const handling = handlingOf({
    errors: AUDIT_ERRORS,
    repositories: auditRepositories(activityMirrorIndex(config.ELASTICSEARCH_INDEX_PREFIX)),
    inject: [ELASTICSEARCH],
    useCases: [RecordActivityUseCase, CriticalLogsUseCase],
  });
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'audit', config, elasticsearch: true,
        postgres: { schema: SCHEMA, entities: [], migrations: MIGRATIONS },
      }),
    ],
    controllers: handling.controllers,
    providers: handling.providers,
  })
  class AppModule {}
  return AppModule;
}
