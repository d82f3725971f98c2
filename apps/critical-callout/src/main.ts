import 'reflect-metadata';
import { loadConfig } from '@labflow/platform/config';
import { installLibraryPatches } from '@labflow/platform/patches';
import { runService } from '@labflow/platform/service';
import { CriticalCalloutConfig } from './critical-callout.config';
import { criticalCalloutModule } from './critical-callout.module';

installLibraryPatches(); // the class-validator cache and the kafkajs timer fix, for this process

const config = loadConfig('critical-callout', CriticalCalloutConfig);
runService({ app: 'critical-callout', module: criticalCalloutModule(config), config }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
