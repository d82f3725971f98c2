import 'reflect-metadata';
import { loadConfig } from '@labflow/platform/config';
import { installLibraryPatches } from '@labflow/platform/patches';
import { runService } from '@labflow/platform/service';
import { VerificationConfig } from './verification.config';
import { verificationModule } from './verification.module';

installLibraryPatches(); // the class-validator cache and the kafkajs timer fix, for this process

const config = loadConfig('verification', VerificationConfig);
runService({ app: 'verification', module: verificationModule(config), config }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
