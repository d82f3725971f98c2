import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@labflow/platform/auth';
import { metricsRegistry } from '@labflow/platform/observability';

/** Prometheus metrics of this app (DESIGN §3 health; docs/operations.md lists them). */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('content-type', 'text/plain; version=0.0.4')
  async metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
