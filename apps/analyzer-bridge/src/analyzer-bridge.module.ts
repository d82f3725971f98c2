import { readFileSync } from 'node:fs';
import { Module } from '@nestjs/common';
import { PlatformModule } from '@labflow/platform/service';
import { AnalyzerBridgeConfig } from './analyzer-bridge.config';
import { parseDeviceConnections } from './connections/device-connection.config';
import { DeviceDirectory } from './connections/device-directory';
import { DeviceEndpoints } from './connections/device-endpoints';
import { UploadDelivery } from './delivery/upload-delivery';
import { UploadRepository } from './delivery/upload.repository';
import { InstrumentIntake } from './intake/instrument-intake';
import { MIGRATIONS, SCHEMA } from './migrations';
import { loadProfiles } from './profiles/profile-registry';
import { HostQueries } from './work-orders/host-queries';

/** Reads the vendor profiles and the device list once; a bad one stops the bridge at start with its reason. */
export function deviceDirectoryOf(config: AnalyzerBridgeConfig): DeviceDirectory {
  const profiles = loadProfiles(config.BRIDGE_PROFILES_DIR);
  const json = config.BRIDGE_DEVICES || (config.BRIDGE_DEVICES_FILE ? readFileSync(config.BRIDGE_DEVICES_FILE, 'utf8') : '');
  return new DeviceDirectory(parseDeviceConnections(json, profiles), profiles);
}

export function analyzerBridgeModule(config: AnalyzerBridgeConfig) {
  @Module({
    imports: [PlatformModule.forRoot({ app: 'analyzer-bridge', config, postgres: { schema: SCHEMA, entities: [], migrations: MIGRATIONS } })],
    providers: [
      { provide: AnalyzerBridgeConfig, useValue: config },
      { provide: DeviceDirectory, useValue: deviceDirectoryOf(config) },
      UploadRepository, UploadDelivery, InstrumentIntake, DeviceEndpoints, HostQueries,
    ],
  })
  class AppModule {}
  return AppModule;
}
