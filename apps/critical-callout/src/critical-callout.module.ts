import { Module } from '@nestjs/common';
import { PlatformModule, ServiceConfig } from '@labflow/platform/service';
import { MIGRATIONS, SCHEMA } from './migrations';
import { BillRegisteredHandler } from './callouts/bill-registered.handler';
import { CalloutBillRepository } from './callouts/bill.repository';
import { CalloutRepository } from './callouts/callout.repository';
import { CalloutsHandler } from './callouts/callouts.handler';
import { ExportCalloutsUseCase } from './callouts/export-callouts.usecase';
import { RecordCalloutUseCase } from './callouts/record-callout.usecase';
import { DetectOverdueUseCase } from './overdue/detect-overdue.usecase';
import { OverdueSweepWorker } from './overdue/overdue-sweep.worker';
import { PendingCriticalRepository } from './overdue/pending-critical.repository';
import { ReportValuesUpdatedHandler } from './overdue/report-values-updated.handler';

export function criticalCalloutModule(config: ServiceConfig) {
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'critical-callout', config,
        postgres: { schema: SCHEMA, entities: [], migrations: MIGRATIONS },
      }),
    ],
    controllers: [CalloutsHandler, BillRegisteredHandler, ReportValuesUpdatedHandler],
    providers: [
      CalloutBillRepository, CalloutRepository, RecordCalloutUseCase, ExportCalloutsUseCase, PendingCriticalRepository, DetectOverdueUseCase,
      OverdueSweepWorker,
    ],
  })
  class AppModule {}
  return AppModule;
}
