import { Module } from '@nestjs/common';
import { PgOutbox } from '@labflow/platform/kafka';
import { handlingOf } from '@labflow/platform/handling';
import { PlatformModule, ReportingTestsClient, RequestReplyModule, ServiceConfig } from '@labflow/platform/service';
import { DeleteDeviceConnectionUseCase } from './connections/delete-device-connection.usecase';
import { GetDeviceConnectionUseCase } from './connections/get-device-connection.usecase';
import { GetRegisteredConnectionUseCase } from './connections/get-registered-connection.usecase';
import { SetDeviceConnectionUseCase } from './connections/set-device-connection.usecase';
import { deviceIngestionRepositories } from './device-ingestion-unit-of-work';
import { DEVICE_ERRORS } from './device-ingestion.errors';
import { RegisterDeviceUseCase } from './devices/register-device.usecase';
import { ReceiveDeviceDataUseCase } from './ingestion/receive-device-data.usecase';
import { AddDeviceMappingUseCase } from './mappings/add-device-mapping.usecase';
import { RecordSampleReportsUseCase } from './samples/record-sample-reports.usecase';
import { SampleOwnerClient } from './samples/sample-owner.client';
import { SampleReportsResolver } from './samples/sample-reports.resolver';
import { MIGRATIONS } from './migrations';
import { GetWorkOrderUseCase } from './work-orders/get-work-order.usecase';
import { WorkOrderSourcesClient } from './work-orders/work-order-sources.client';

export const SCHEMA = 'device_ingestion';

export function deviceIngestionModule(config: ServiceConfig) {
  const handling = handlingOf({
    errors: DEVICE_ERRORS,
    repositories: deviceIngestionRepositories,
    inject: [PgOutbox],
    useCases: [
      RegisterDeviceUseCase, AddDeviceMappingUseCase, ReceiveDeviceDataUseCase, RecordSampleReportsUseCase, GetWorkOrderUseCase,
      SetDeviceConnectionUseCase, GetDeviceConnectionUseCase, DeleteDeviceConnectionUseCase, GetRegisteredConnectionUseCase,
    ],
  });
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'device-ingestion', config,
        postgres: { schema: SCHEMA, entities: [], migrations: MIGRATIONS },
      }),
      RequestReplyModule, // asks reporting whether a mapped test exists, a sample's reports it has not learned yet, and (a work order) reports' values and rerun's open requests
    ],
    controllers: handling.controllers,
    providers: [...handling.providers, ReportingTestsClient, SampleOwnerClient, SampleReportsResolver, WorkOrderSourcesClient],
  })
  class DeviceIngestionModule {}
  return DeviceIngestionModule;
}
