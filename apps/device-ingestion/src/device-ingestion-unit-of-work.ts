import { PgOutbox, Queryable } from '@labflow/platform/kafka';
import { RepositoryOf, UnitOfWork } from '@labflow/platform/handling';
import { DeviceConnectionRepository } from './connections/device-connection.repository';
import { DeviceRepository } from './devices/device.repository';
import { DevicePayloadRepository } from './ingestion/device-payload.repository';
import { IngestionContextRepository } from './ingestion/ingestion-context.repository';
import { MappingRepository } from './mappings/mapping.repository';
import { SampleRepository } from './samples/sample.repository';

/** The device-ingestion app's repositories (the only code that touches its schema), by their public members so a fake can stand in. */
export interface DeviceIngestionRepositories {
  devices: RepositoryOf<DeviceRepository>;
  mappings: RepositoryOf<MappingRepository>;
  samples: RepositoryOf<SampleRepository>;
  contexts: RepositoryOf<IngestionContextRepository>;
  payloads: RepositoryOf<DevicePayloadRepository>;
  connections: RepositoryOf<DeviceConnectionRepository>;
}

export type DeviceIngestionUnitOfWork = UnitOfWork<DeviceIngestionRepositories>;

/** `outbox` (handlingOf's inject): the payloads repository writes a payload and its event in one guarded statement. */
export const deviceIngestionRepositories = (session: Queryable, outbox: PgOutbox): DeviceIngestionRepositories => ({
  devices: new DeviceRepository(session),
  mappings: new MappingRepository(session),
  samples: new SampleRepository(session),
  contexts: new IngestionContextRepository(session),
  payloads: new DevicePayloadRepository(session, outbox),
  connections: new DeviceConnectionRepository(session),
});
