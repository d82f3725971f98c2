import { Module } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { MONGO_CONNECTION } from '@labflow/platform/service';
import { DocumentValuesStore } from './document-values.store';
import { LegacyValuesFold } from './legacy-values.fold';
import { LegacyVerificationsMove } from './legacy-verifications.move';

/** The shared lab-report data access's start-up work: the document indexes, folding the old document layout, moving verification statuses beside the reports. */
@Module({
  providers: [
    { provide: DocumentValuesStore, inject: [MONGO_CONNECTION], useFactory: (mongo: Connection) => new DocumentValuesStore(mongo) },
    LegacyValuesFold,
    LegacyVerificationsMove,
  ],
})
export class LabReportsModule {}
