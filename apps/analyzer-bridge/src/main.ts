import 'reflect-metadata';
import { loadConfig } from '@labflow/platform/config';
import { installLibraryPatches } from '@labflow/platform/patches';
import { runService } from '@labflow/platform/service';
import { AnalyzerBridgeConfig } from './analyzer-bridge.config';
import { analyzerBridgeModule } from './analyzer-bridge.module';

installLibraryPatches(); // the class-validator cache and the kafkajs timer fix, for this process

const config = loadConfig('analyzer-bridge', AnalyzerBridgeConfig);
runService({ app: 'analyzer-bridge', module: analyzerBridgeModule(config), config }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
