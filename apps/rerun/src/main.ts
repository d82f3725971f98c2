import 'reflect-metadata';
import { loadConfig } from '@labflow/platform/config';
import { installLibraryPatches } from '@labflow/platform/patches';
import { DEFAULT_PORTS, runService, ServiceConfig } from '@labflow/platform/service';
import { rerunModule } from './rerun.module';

installLibraryPatches(); // the class-validator cache and the kafkajs timer fix, for this process

class AppConfig extends ServiceConfig {
  override PORT = DEFAULT_PORTS['rerun'];
}

const config = loadConfig('rerun', AppConfig);
runService({ app: 'rerun', module: rerunModule(config), config }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
