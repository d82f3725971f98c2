import { Module } from '@nestjs/common';
import { PlatformModule } from '@labflow/platform/service';
import { GetJobUseCase } from './jobs/get-job.usecase';
import { JobRepository } from './jobs/job.repository';
import { ReceivedTimeJobProcessor } from './jobs/received-time-job.processor';
import { ReceivedTimeJobWorker } from './jobs/received-time-job.worker';
import { MIGRATIONS, SCHEMA } from './migrations';
import { PartyAccessGuard } from './parties/party-access.guard';
import { PartyRepository } from './parties/party.repository';
import { UpsertLegalEntityUseCase } from './parties/upsert-legal-entity.usecase';
import { UpsertPartyUseCase } from './parties/upsert-party.usecase';
import { RegisterSpecimensUseCase } from './registration/register-specimens.usecase';
import { RegistrationHandler } from './registration/registration.handler';
import { SpecimenConfig } from './specimen.config';
import { GetSpecimenUseCase } from './specimens/get-specimen.usecase';
import { SetReceivedTimeUseCase } from './specimens/set-received-time.usecase';
import { SetSpecimenStatusUseCase } from './specimens/set-specimen-status.usecase';
import { SpecimenRepository } from './specimens/specimen.repository';
import { SpecimensHandler } from './specimens/specimens.handler';

export function specimenModule(config: SpecimenConfig) {
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'specimen', config,
        postgres: { schema: SCHEMA, entities: [], migrations: MIGRATIONS },
      }),
    ],
    controllers: [SpecimensHandler, RegistrationHandler],
    providers: [
      { provide: SpecimenConfig, useValue: config },
      SpecimenRepository, JobRepository, PartyRepository, PartyAccessGuard,
      SetReceivedTimeUseCase, GetJobUseCase, GetSpecimenUseCase, SetSpecimenStatusUseCase,
      UpsertPartyUseCase, UpsertLegalEntityUseCase, RegisterSpecimensUseCase,
      ReceivedTimeJobProcessor, ReceivedTimeJobWorker,
    ],
  })
  class AppModule {}
  return AppModule;
}
