import { AppName } from '@labflow/contracts';
import { CommonConfig } from '@labflow/platform/config';
import { startTracing } from '@labflow/platform/observability';

/** Tracing for an app, from its config: exporters only where configured (docs/operations.md). */
export function startAppTracing(app: AppName, config: CommonConfig): void {
  startTracing({
    app,
    instanceId: config.INSTANCE_ID,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    spansFileDir: config.TRACES_FILE_DIR,
  });
}
