import { Module } from '@nestjs/common';
import { handlingOf } from '@labflow/platform/handling';
import { PlatformModule, ServiceConfig } from '@labflow/platform/service';
import { FHIR_ERRORS } from './fhir.errors';
import { fhirRepositories } from './fhir-unit-of-work';
import { MIGRATIONS, SCHEMA } from './migrations';
import { ProjectBillUseCase } from './projection/project-bill.usecase';
import { ProjectDeviceUseCase } from './projection/project-device.usecase';
import { ProjectOrderCreatedUseCase } from './projection/project-order-created.usecase';
import { ProjectOrderUpdatedUseCase } from './projection/project-order-updated.usecase';
import { ProjectReportFormatUseCase } from './projection/project-report-format.usecase';
import { ProjectRerunCorrectionUseCase } from './projection/project-rerun-correction.usecase';
import { ProjectSpecimenReceivedUseCase } from './projection/project-specimen-received.usecase';
import { ProjectValuesUseCase } from './projection/project-values.usecase';
import { PublicDefinitionsHandler } from './rest/public-definitions.handler';
import { ReadResourceUseCase } from './rest/read-resource.usecase';
import { SearchResourcesUseCase } from './rest/search-resources.usecase';

export function fhirModule(config: ServiceConfig) {
  const handling = handlingOf({
    errors: FHIR_ERRORS,
    repositories: fhirRepositories,
    useCases: [
      ReadResourceUseCase, SearchResourcesUseCase,
      ProjectBillUseCase, ProjectValuesUseCase, ProjectRerunCorrectionUseCase, ProjectSpecimenReceivedUseCase,
      ProjectReportFormatUseCase, ProjectDeviceUseCase, ProjectOrderCreatedUseCase, ProjectOrderUpdatedUseCase,
    ],
  });
  @Module({
    imports: [
      PlatformModule.forRoot({ app: 'fhir', config, postgres: { schema: SCHEMA, entities: [], migrations: MIGRATIONS } }),
    ],
    controllers: [...handling.controllers, PublicDefinitionsHandler],
    providers: handling.providers,
  })
  class AppModule {}
  return AppModule;
}
