import 'reflect-metadata';
import { loadConfig } from '@labflow/platform/config';
import { installLibraryPatches } from '@labflow/platform/patches';
import { DEFAULT_PORTS, runService, ServiceConfig } from '@labflow/platform/service';
import { auditModule } from './audit.module';

installLibraryPatches(); // the class-validator cache and the kafkajs timer fix, for this process

class AppConfig extends ServiceConfig {
  override PORT = DEFAULT_PORTS['audit'];
}

const config = loadConfig('audit', AppConfig);
runService({ app: 'audit', module: auditModule(config), config }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
