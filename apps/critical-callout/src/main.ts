import 'reflect-metadata';
import { loadConfig } from '@labflow/platform/config';
import { DEFAULT_PORTS, runService, ServiceConfig } from '@labflow/platform/service';
import { criticalCalloutModule } from './critical-callout.module';

class AppConfig extends ServiceConfig {
  override PORT = DEFAULT_PORTS['critical-callout'];
}

const config = loadConfig('critical-callout', AppConfig);
runService({ app: 'critical-callout', module: criticalCalloutModule(config), config }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
