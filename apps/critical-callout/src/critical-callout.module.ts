import { Module } from '@nestjs/common';
import { handlingOf } from '@labflow/platform/handling';
import { PlatformModule, ServiceConfig } from '@labflow/platform/service';
import { MIGRATIONS, SCHEMA } from './migrations';
import { CALLOUT_ERRORS } from './callouts/callout.errors';
import { ExportCalloutsUseCase } from './callouts/export-callouts.usecase';
import { KeepBillUseCase } from './callouts/keep-bill.usecase';
import { RecordCalloutUseCase } from './callouts/record-callout.usecase';
import { calloutRepositories } from './critical-callout-unit-of-work';
import { DetectOverdueUseCase } from './overdue/detect-overdue.usecase';
import { OpenPendingCriticalUseCase } from './overdue/open-pending-critical.usecase';

export function criticalCalloutModule(config: ServiceConfig) {
  const handling = handlingOf({
    errors: CALLOUT_ERRORS,
    repositories: calloutRepositories,
    useCases: [RecordCalloutUseCase, ExportCalloutsUseCase, KeepBillUseCase, OpenPendingCriticalUseCase],
    scheduled: [DetectOverdueUseCase],
  });
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'critical-callout', config,
        postgres: { schema: SCHEMA, entities: [], migrations: MIGRATIONS },
      }),
    ],
    controllers: handling.controllers,
    providers: handling.providers,
  })
  class AppModule {}
  return AppModule;
}
