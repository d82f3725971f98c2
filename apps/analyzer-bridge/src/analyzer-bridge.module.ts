import { readFileSync } from 'node:fs';
import { Module } from '@nestjs/common';
import { PlatformModule } from '@labflow/platform/service';
import { AnalyzerBridgeConfig } from './analyzer-bridge.config';
import { parseBridgeDevices } from './connections/device-connection.config';
import { DeviceDirectory } from './connections/device-directory';
import { DeviceEndpoints } from './connections/device-endpoints';
import { RegisteredConnections, RegisteredDevices } from './connections/registered-connections';
import { UploadDelivery } from './delivery/upload-delivery';
import { UploadRepository } from './delivery/upload.repository';
import { InstrumentIntake } from './intake/instrument-intake';
import { MIGRATIONS, SCHEMA } from './migrations';
import { loadProfiles } from './profiles/profile-registry';
import { HostQueries } from './work-orders/host-queries';

/**
 * Reads the vendor profiles and the device list once; a bad one stops the bridge at start with its
 * reason. Configured connections are known at once, registered devices once their connection is read.
 */
export function devicesOf(config: AnalyzerBridgeConfig): { directory: DeviceDirectory; registered: RegisteredDevices } {
  const profiles = loadProfiles(config.BRIDGE_PROFILES_DIR);
  const json = config.BRIDGE_DEVICES || (config.BRIDGE_DEVICES_FILE ? readFileSync(config.BRIDGE_DEVICES_FILE, 'utf8') : '');
  const devices = parseBridgeDevices(json, profiles);
  return { directory: new DeviceDirectory(devices.inline, profiles), registered: new RegisteredDevices(devices.registered) };
}

export function analyzerBridgeModule(config: AnalyzerBridgeConfig) {
  const devices = devicesOf(config);
  @Module({
    imports: [PlatformModule.forRoot({ app: 'analyzer-bridge', config, postgres: { schema: SCHEMA, entities: [], migrations: MIGRATIONS } })],
    providers: [
      { provide: AnalyzerBridgeConfig, useValue: config },
      { provide: DeviceDirectory, useValue: devices.directory },
      { provide: RegisteredDevices, useValue: devices.registered },
      UploadRepository, UploadDelivery, InstrumentIntake, DeviceEndpoints, HostQueries, RegisteredConnections,
    ],
  })
  class AppModule {}
  return AppModule;
}
