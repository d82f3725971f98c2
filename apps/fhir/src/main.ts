import 'reflect-metadata';
import { loadConfig } from '@labflow/platform/config';
import { installLibraryPatches } from '@labflow/platform/patches';
import { DEFAULT_PORTS, runService, ServiceConfig } from '@labflow/platform/service';
import { fhirModule } from './fhir.module';

installLibraryPatches(); // the class-validator cache and the kafkajs timer fix, for this process

class AppConfig extends ServiceConfig {
  override PORT = DEFAULT_PORTS['fhir'];
}

const config = loadConfig('fhir', AppConfig);
runService({ app: 'fhir', module: fhirModule(config), config }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
