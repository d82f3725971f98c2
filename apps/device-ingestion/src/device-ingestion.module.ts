import { Module } from '@nestjs/common';
import { PlatformModule, ServiceConfig } from '@labflow/platform/service';
import { DeviceEntity } from './devices/device.entity';
import { DeviceRepository } from './devices/device.repository';
import { DevicesHandler } from './devices/devices.handler';
import { RegisterDeviceUseCase } from './devices/register-device.usecase';
import { MIGRATIONS } from './migrations';

export const SCHEMA = 'device_ingestion';

export function deviceIngestionModule(config: ServiceConfig) {
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'device-ingestion', config, mongo: true,
        postgres: { schema: SCHEMA, entities: [DeviceEntity], migrations: MIGRATIONS },
      }),
    ],
    controllers: [DevicesHandler],
    providers: [DeviceRepository, RegisterDeviceUseCase],
  })
  class DeviceIngestionModule {}
  return DeviceIngestionModule;
}
