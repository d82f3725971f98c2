import 'reflect-metadata';
import { loadConfig } from '@labflow/platform/config';
import { installLibraryPatches } from '@labflow/platform/patches';
import { DEFAULT_PORTS, runService, ServiceConfig } from '@labflow/platform/service';
import { deviceIngestionModule } from './device-ingestion.module';

installLibraryPatches(); // the class-validator cache and the kafkajs timer fix, for this process

class DeviceIngestionConfig extends ServiceConfig {
  override PORT = DEFAULT_PORTS['device-ingestion'];
}

const config = loadConfig('device-ingestion', DeviceIngestionConfig);
runService({ app: 'device-ingestion', module: deviceIngestionModule(config), config }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
