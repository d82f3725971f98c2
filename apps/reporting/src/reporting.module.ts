import { Module } from '@nestjs/common';
import { PlatformModule, ServiceConfig } from '@labflow/platform/service';
import { CriticalModule } from './critical';
import { DevicesModule } from './devices';
import { LabReportsModule } from './lab-reports/lab-reports.module';
import { MIGRATIONS, SCHEMA } from './migrations';
import { ReadsModule } from './reads';
import { RegistrationModule } from './registration';
import { ReportFormatsModule } from './report-formats';
import { ReportValuesModule } from './report-values';
import { RerunsModule } from './reruns';
import { SearchModule } from './search';
import { VerificationModule } from './verification';

/** Reporting: one module per feature, each over the shared lab-report data access (lab-reports/). */
export function reportingModule(config: ServiceConfig) {
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'reporting', config, mongo: true, elasticsearch: true,
        postgres: { schema: SCHEMA, entities: [], migrations: MIGRATIONS },
      }),
      LabReportsModule, ReportFormatsModule, RegistrationModule, ReportValuesModule, DevicesModule, ReadsModule, RerunsModule,
      CriticalModule, VerificationModule, SearchModule,
    ],
  })
  class AppModule {}
  return AppModule;
}
