import { Module } from '@nestjs/common';
import { PlatformModule, RequestReplyModule, ServiceConfig } from '@labflow/platform/service';
import { AbortRerunUseCase } from './reruns/abort-rerun.usecase';
import { AutoRerunCheckUseCase } from './reruns/auto-rerun-check.usecase';
import { ConfirmRerunUseCase } from './reruns/confirm-rerun.usecase';
import { GetRerunValuesUseCase } from './reruns/get-rerun-values.usecase';
import { ReceiveRerunValuesUseCase } from './reruns/receive-rerun-values.usecase';
import { ReportingContextClient } from './reruns/reporting-context.client';
import { RequestRerunUseCase } from './reruns/request-rerun.usecase';
import { RerunCache } from './reruns/rerun-cache';
import { RerunEventsHandler } from './reruns/rerun-events.handler';
import { RerunFailurePublisher } from './reruns/rerun-failure.publisher';
import { RerunLifecycleRepository } from './reruns/rerun-lifecycle.repository';
import { RERUN_PLATFORM_PROVIDERS, RerunPlatformLifecycle } from './reruns/rerun-platform';
import { RerunsHandler } from './reruns/reruns.handler';
import { OpenRerunsHandler } from './reruns/open-reruns.handler';

export function rerunModule(config: ServiceConfig) {
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'rerun', config, mongo: true, redis: true,
      }),
      RequestReplyModule, // asks reporting for a lab report's context
    ],
    controllers: [RerunsHandler, RerunEventsHandler, OpenRerunsHandler],
    providers: [
      ...RERUN_PLATFORM_PROVIDERS, RerunPlatformLifecycle,
      RerunLifecycleRepository, RerunCache, ReportingContextClient, RerunFailurePublisher,
      GetRerunValuesUseCase, RequestRerunUseCase, ReceiveRerunValuesUseCase, ConfirmRerunUseCase, AbortRerunUseCase, AutoRerunCheckUseCase,
    ],
  })
  class AppModule {}
  return AppModule;
}
