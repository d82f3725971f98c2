import { Module } from '@nestjs/common';
import { PlatformModule, ServiceConfig } from '@labflow/platform/service';
import { MIGRATIONS, SCHEMA } from './migrations';
import { CreateReportFormatUseCase } from './report-formats/create-report-format.usecase';
import { ReportFormatsHandler } from './report-formats/report-formats.handler';
import { TestParameterIndexesQuery } from './report-formats/test-parameter-indexes.query';
import { TestRepository } from './report-formats/test.repository';
import { UpdateReportFormatUseCase } from './report-formats/update-report-format.usecase';
import { RegisterPatientUseCase } from './registration/register-patient.usecase';
import { SampleLabReportsQuery } from './registration/sample-lab-reports.query';
import { RegistrationHandler } from './registration/registration.handler';
import { RegistrationRepository } from './registration/registration.repository';
import { DeviceDirectory, DeviceRegisteredHandler } from './devices/device-directory';
import { GetDeviceResultsValidationUseCase } from './reads/get-device-results-validation.usecase';
import { GetPatientReportsUseCase } from './reads/get-patient-reports.usecase';
import { GetReportEntryUseCase } from './reads/get-report-entry.usecase';
import { ReportHistoryQuery } from './reads/report-history.query';
import { ReportWithTestQuery } from './reads/report-with-test.query';
import { ReportReadsHandler } from './reads/report-reads.handler';
import { ReportValuesReader } from './reads/report-values.reader';
import { ApplyDeviceDataUseCase } from './report-values/apply-device-data.usecase';
import { DeviceDataReceivedHandler } from './report-values/device-data-received.handler';
import { DocumentValuesStore } from './report-values/document-values.store';
import { LabReportRepository } from './report-values/lab-report.repository';
import { LegacyValuesFold } from './report-values/legacy-values.fold';
import { LabReportIndex } from './search/lab-report-index';
import { SearchIndexer } from './search/search-indexer';
import { SearchQueue } from './search/search-queue';
import { CRITICAL_HANDLERS, CRITICAL_PROVIDERS } from './critical';
import { VERIFICATION_HANDLERS, VERIFICATION_PROVIDERS } from './verification';
import { ApplyRerunConfirmedUseCase } from './reruns/apply-rerun-confirmed.usecase';
import { ApplyRerunFlagUseCase } from './reruns/apply-rerun-flag.usecase';
import { RerunContextQuery } from './reruns/rerun-context.query';
import { RerunPositionRepository } from './reruns/rerun-position.repository';
import { ReportingRerunsHandler } from './reruns/reruns.handler';

export function reportingModule(config: ServiceConfig) {
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'reporting', config, mongo: true, elasticsearch: true,
        postgres: { schema: SCHEMA, entities: [], migrations: MIGRATIONS },
      }),
    ],
    controllers: [
      ReportFormatsHandler, RegistrationHandler, DeviceDataReceivedHandler, DeviceRegisteredHandler,
      ReportReadsHandler, ReportingRerunsHandler, ...CRITICAL_HANDLERS, ...VERIFICATION_HANDLERS,
    ],
    providers: [
      TestRepository, CreateReportFormatUseCase, UpdateReportFormatUseCase, TestParameterIndexesQuery,
      RegistrationRepository, RegisterPatientUseCase, SampleLabReportsQuery,
      LabReportRepository, DocumentValuesStore, LegacyValuesFold, LabReportIndex, SearchQueue, SearchIndexer, ApplyDeviceDataUseCase,
      DeviceDirectory, ReportValuesReader, ReportHistoryQuery, ReportWithTestQuery, GetReportEntryUseCase, GetPatientReportsUseCase, GetDeviceResultsValidationUseCase,
      ...CRITICAL_PROVIDERS, ...VERIFICATION_PROVIDERS,
      RerunContextQuery, RerunPositionRepository, ApplyRerunFlagUseCase, ApplyRerunConfirmedUseCase,
    ],
  })
  class AppModule {}
  return AppModule;
}
