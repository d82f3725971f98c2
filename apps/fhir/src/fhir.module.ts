import { Module } from '@nestjs/common';
import { PlatformModule, ServiceConfig } from '@labflow/platform/service';
import { MIGRATIONS, SCHEMA } from './migrations';
import { CatalogEventsHandler } from './projection/catalog-events.handler';
import { ClinicalEventsHandler } from './projection/clinical-events.handler';
import { ProjectionInbox } from './projection/projection-inbox';
import { ProjectionRepository } from './projection/projection.repository';
import { FhirHandler } from './rest/fhir.handler';
import { ReadModelRepository } from './rest/read-model.repository';
import { ReadResourceUseCase } from './rest/read-resource.usecase';
import { ResourceAssembler } from './rest/resource-assembler';
import { SearchResourcesUseCase } from './rest/search-resources.usecase';

export function fhirModule(config: ServiceConfig) {
  @Module({
    imports: [
      PlatformModule.forRoot({ app: 'fhir', config, postgres: { schema: SCHEMA, entities: [], migrations: MIGRATIONS } }),
    ],
    controllers: [ClinicalEventsHandler, CatalogEventsHandler, FhirHandler],
    providers: [ProjectionInbox, ProjectionRepository, ReadModelRepository, ResourceAssembler, ReadResourceUseCase, SearchResourcesUseCase],
  })
  class AppModule {}
  return AppModule;
}
