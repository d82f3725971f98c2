import { Module } from '@nestjs/common';
import { handlingOf } from '@labflow/platform/handling';
import { PlatformModule } from '@labflow/platform/service';
import { GetJobUseCase } from './jobs/get-job.usecase';
import { ReceivedTimeJobProcessor } from './jobs/received-time-job.processor';
import { ReceivedTimeJobWorker } from './jobs/received-time-job.worker';
import { MIGRATIONS, SCHEMA } from './migrations';
import { PartyAccessGuard } from './parties/party-access.guard';
import { UpsertLegalEntityUseCase } from './parties/upsert-legal-entity.usecase';
import { UpsertPartyUseCase } from './parties/upsert-party.usecase';
import { RegisterSpecimensUseCase } from './registration/register-specimens.usecase';
import { SpecimenConfig } from './specimen.config';
import { specimenRepositories } from './specimen-unit-of-work';
import { GetSpecimenUseCase } from './specimens/get-specimen.usecase';
import { SetReceivedTimeUseCase } from './specimens/set-received-time.usecase';
import { SetSpecimenStatusUseCase } from './specimens/set-specimen-status.usecase';
import { SPECIMEN_ERRORS } from './specimens/specimen.errors';

export function specimenModule(config: SpecimenConfig) {
  const handling = handlingOf({
    errors: SPECIMEN_ERRORS,
    repositories: specimenRepositories,
    useCases: [
      SetReceivedTimeUseCase, GetJobUseCase, GetSpecimenUseCase, SetSpecimenStatusUseCase,
      UpsertPartyUseCase, UpsertLegalEntityUseCase, RegisterSpecimensUseCase,
    ],
  });
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'specimen', config,
        postgres: { schema: SCHEMA, entities: [], migrations: MIGRATIONS },
      }),
    ],
    controllers: handling.controllers,
    providers: [
      { provide: SpecimenConfig, useValue: config },
      ...handling.providers,
      PartyAccessGuard, ReceivedTimeJobProcessor, ReceivedTimeJobWorker,
    ],
  })
  class AppModule {}
  return AppModule;
}
