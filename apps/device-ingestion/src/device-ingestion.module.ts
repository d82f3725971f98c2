import { Module } from '@nestjs/common';
import { PlatformModule, ReportingTestsClient, RequestReplyModule, ServiceConfig } from '@labflow/platform/service';
import { DeviceEntity } from './devices/device.entity';
import { DeviceRepository } from './devices/device.repository';
import { DevicesHandler } from './devices/devices.handler';
import { RegisterDeviceUseCase } from './devices/register-device.usecase';
import { DeviceDataHandler } from './ingestion/device-data.handler';
import { DevicePayloadRepository } from './ingestion/device-payload.repository';
import { IngestionContextQuery } from './ingestion/ingestion-context.query';
import { ReceiveDeviceDataUseCase } from './ingestion/receive-device-data.usecase';
import { AddDeviceMappingUseCase } from './mappings/add-device-mapping.usecase';
import { MappingRepository } from './mappings/mapping.repository';
import { BillRegisteredHandler } from './samples/bill-registered.handler';
import { SampleRepository } from './samples/sample.repository';
import { SampleOwnerClient } from './samples/sample-owner.client';
import { SampleReportsResolver } from './samples/sample-reports.resolver';
import { MIGRATIONS } from './migrations';
import { WorkOrderHandler } from './work-orders/work-order.handler';
import { DeviceWorkOrderUseCase } from './work-orders/work-order.usecase';

export const SCHEMA = 'device_ingestion';

export function deviceIngestionModule(config: ServiceConfig) {
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'device-ingestion', config,
        postgres: { schema: SCHEMA, entities: [DeviceEntity], migrations: MIGRATIONS },
      }),
      RequestReplyModule, // asks reporting whether a mapped test exists, and a sample's reports it has not learned yet
    ],
    controllers: [DevicesHandler, DeviceDataHandler, BillRegisteredHandler, WorkOrderHandler],
    providers: [
      DeviceRepository, RegisterDeviceUseCase,
      MappingRepository, ReportingTestsClient, AddDeviceMappingUseCase,
      SampleRepository, SampleOwnerClient, SampleReportsResolver, DevicePayloadRepository, IngestionContextQuery, ReceiveDeviceDataUseCase,
      DeviceWorkOrderUseCase,
    ],
  })
  class DeviceIngestionModule {}
  return DeviceIngestionModule;
}
