import { Module } from '@nestjs/common';
import { Handling, messageHandlers } from '@labflow/platform/handling';
import { PlatformModule, RequestReplyModule, ServiceConfig } from '@labflow/platform/service';
import { RerunUnitsOfWork } from './rerun-unit-of-work';
import { AbortRerunUseCase } from './reruns/abort-rerun.usecase';
import { AutoRerunCheckUseCase } from './reruns/auto-rerun-check.usecase';
import { AutoRerunOnUploadHandler } from './reruns/auto-rerun-on-upload.handler';
import { ConfirmRerunUseCase } from './reruns/confirm-rerun.usecase';
import { GetOpenRerunsUseCase } from './reruns/get-open-reruns.usecase';
import { GetRerunValuesUseCase } from './reruns/get-rerun-values.usecase';
import { ReceiveRerunValuesUseCase } from './reruns/receive-rerun-values.usecase';
import { ReportingContextClient } from './reruns/reporting-context.client';
import { RequestRerunUseCase } from './reruns/request-rerun.usecase';
import { RerunCache } from './reruns/rerun-cache';
import { RerunFailurePublisher } from './reruns/rerun-failure.publisher';
import { RerunLifecycleRepository } from './reruns/rerun-lifecycle.repository';
import { RERUN_PLATFORM_PROVIDERS, RerunPlatformLifecycle } from './reruns/rerun-platform';
import { RERUN_ERRORS } from './reruns/rerun.errors';

const USE_CASES = [
  GetRerunValuesUseCase, RequestRerunUseCase, ReceiveRerunValuesUseCase, ConfirmRerunUseCase, AbortRerunUseCase, AutoRerunCheckUseCase,
  GetOpenRerunsUseCase,
];

/**
 * The rerun app behind the seam (libs/platform/handling) on its document store: handlingOf() is
 * PostgreSQL's, so the module wires the same three pieces itself: the generated handlers, the use
 * cases and Handling over RerunUnitsOfWork (MongoDB, one document per change).
 */
export function rerunModule(config: ServiceConfig) {
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'rerun', config, mongo: true, redis: true,
      }),
      RequestReplyModule, // asks reporting for a lab report's context
    ],
    controllers: [messageHandlers(...USE_CASES), AutoRerunOnUploadHandler],
    providers: [
      ...RERUN_PLATFORM_PROVIDERS, RerunPlatformLifecycle,
      RerunLifecycleRepository, RerunCache, ReportingContextClient, RerunFailurePublisher, RerunUnitsOfWork,
      { provide: Handling, inject: [RerunUnitsOfWork], useFactory: (units: RerunUnitsOfWork) => new Handling(units, RERUN_ERRORS) },
      ...USE_CASES,
    ],
  })
  class AppModule {}
  return AppModule;
}
