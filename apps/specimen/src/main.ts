import 'reflect-metadata';
import { loadConfig } from '@labflow/platform/config';
import { DEFAULT_PORTS, runService, ServiceConfig } from '@labflow/platform/service';
import { specimenModule } from './specimen.module';

class AppConfig extends ServiceConfig {
  override PORT = DEFAULT_PORTS['specimen'];
}

const config = loadConfig('specimen', AppConfig);
runService({ app: 'specimen', module: specimenModule(config), config }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
