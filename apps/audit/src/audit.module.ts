import { Module } from '@nestjs/common';
import { PlatformModule, ServiceConfig } from '@labflow/platform/service';
import { MIGRATIONS, SCHEMA } from './migrations';
import { ActivityLogQueriesHandler } from './activity-log/activity-log.handler';
import { ActivityLogRepository } from './activity-log/activity-log.repository';
import { ActivityLoggedHandler } from './activity-log/activity-logged.handler';
import { ActivityMirror } from './activity-log/activity-mirror';
import { CriticalLogsUseCase } from './activity-log/critical-logs.usecase';

export function auditModule(config: ServiceConfig) {
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'audit', config, elasticsearch: true,
        postgres: { schema: SCHEMA, entities: [], migrations: MIGRATIONS },
      }),
    ],
    controllers: [ActivityLoggedHandler, ActivityLogQueriesHandler],
    providers: [ActivityLogRepository, ActivityMirror, CriticalLogsUseCase],
  })
  class AppModule {}
  return AppModule;
}
