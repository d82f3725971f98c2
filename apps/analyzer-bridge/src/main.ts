import 'reflect-metadata';
import { loadConfig } from '@labflow/platform/config';
import { runService } from '@labflow/platform/service';
import { AnalyzerBridgeConfig } from './analyzer-bridge.config';
import { analyzerBridgeModule } from './analyzer-bridge.module';

const config = loadConfig('analyzer-bridge', AnalyzerBridgeConfig);
runService({ app: 'analyzer-bridge', module: analyzerBridgeModule(config), config }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
