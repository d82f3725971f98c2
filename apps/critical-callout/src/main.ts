import 'reflect-metadata';
import { loadConfig } from '@labflow/platform/config';
import { runService } from '@labflow/platform/service';
import { CriticalCalloutConfig } from './critical-callout.config';
import { criticalCalloutModule } from './critical-callout.module';

const config = loadConfig('critical-callout', CriticalCalloutConfig);
runService({ app: 'critical-callout', module: criticalCalloutModule(config), config }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
