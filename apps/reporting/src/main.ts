import 'reflect-metadata';
import { loadConfig } from '@labflow/platform/config';
import { installLibraryPatches } from '@labflow/platform/patches';
import { DEFAULT_PORTS, runService, ServiceConfig } from '@labflow/platform/service';
import { reportingModule } from './reporting.module';

installLibraryPatches(); // the class-validator cache and the kafkajs timer fix, for this process

class AppConfig extends ServiceConfig {
  override PORT = DEFAULT_PORTS['reporting'];
}

const config = loadConfig('reporting', AppConfig);
runService({ app: 'reporting', module: reportingModule(config), config }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
