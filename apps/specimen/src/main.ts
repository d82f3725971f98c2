import 'reflect-metadata';
import { loadConfig } from '@labflow/platform/config';
import { installLibraryPatches } from '@labflow/platform/patches';
import { runService } from '@labflow/platform/service';
import { SpecimenConfig } from './specimen.config';
import { specimenModule } from './specimen.module';

installLibraryPatches(); // the class-validator cache and the kafkajs timer fix, for this process

const config = loadConfig('specimen', SpecimenConfig);
runService({ app: 'specimen', module: specimenModule(config), config }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
