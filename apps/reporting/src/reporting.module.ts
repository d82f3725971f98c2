import { Module } from '@nestjs/common';
import { PlatformModule, ServiceConfig } from '@labflow/platform/service';
import { MIGRATIONS, SCHEMA } from './migrations';
import { CreateReportFormatUseCase } from './report-formats/create-report-format.usecase';
import { ReportFormatsHandler } from './report-formats/report-formats.handler';
import { TestRepository } from './report-formats/test.repository';
import { UpdateReportFormatUseCase } from './report-formats/update-report-format.usecase';
import { RegisterPatientUseCase } from './registration/register-patient.usecase';
import { RegistrationHandler } from './registration/registration.handler';
import { RegistrationRepository } from './registration/registration.repository';

export function reportingModule(config: ServiceConfig) {
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'reporting', config, mongo: true, elasticsearch: true,
        postgres: { schema: SCHEMA, entities: [], migrations: MIGRATIONS },
      }),
    ],
    controllers: [ReportFormatsHandler, RegistrationHandler],
    providers: [
      TestRepository, CreateReportFormatUseCase, UpdateReportFormatUseCase,
      RegistrationRepository, RegisterPatientUseCase,
    ],
  })
  class AppModule {}
  return AppModule;
}
