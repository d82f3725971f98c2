import { Module } from '@nestjs/common';
import { handlingOf } from '@labflow/platform/handling';
import { PlatformModule, RequestReplyModule, ServiceConfig } from '@labflow/platform/service';
import { MIGRATIONS, SCHEMA } from './migrations';
import { DecideUpdateUseCase } from './decisions/decide-update.usecase';
import { DryRunUseCase } from './dry-run/dry-run.usecase';
import { TestFormatsClient } from './owners/test-formats.client';
import { ClearQcHoldUseCase } from './qc/clear-qc-hold.usecase';
import { LearnDeviceUseCase } from './qc/learn-device.usecase';
import { SetQcHoldUseCase } from './qc/set-qc-hold.usecase';
import { GetDecisionUseCase } from './reads/get-decision.usecase';
import { RerunCancelledUseCase, RerunConfirmedUseCase, RerunRequestedUseCase } from './reruns/track-rerun.usecase';
import { RejectReportUseCase } from './review/reject-report.usecase';
import { ReleaseReportUseCase } from './review/release-report.usecase';
import { RerunClient } from './review/rerun.client';
import { GetRuleSetUseCase } from './rule-sets/get-rule-set.usecase';
import { SaveReportFormatUseCase } from './rule-sets/save-report-format.usecase';
import { SaveRuleSetUseCase } from './rule-sets/save-rule-set.usecase';
import { VERIFICATION_ERRORS } from './verification.errors';
import { verificationRepositories } from './verification-unit-of-work';

export function verificationModule(config: ServiceConfig) {
  const handling = handlingOf({
    errors: VERIFICATION_ERRORS,
    repositories: verificationRepositories,
    useCases: [
      SaveRuleSetUseCase, GetRuleSetUseCase, SetQcHoldUseCase, ClearQcHoldUseCase, GetDecisionUseCase, ReleaseReportUseCase, RejectReportUseCase,
      DryRunUseCase, DecideUpdateUseCase, SaveReportFormatUseCase, LearnDeviceUseCase, RerunRequestedUseCase, RerunConfirmedUseCase, RerunCancelledUseCase,
    ],
  });
  @Module({
    imports: [
      PlatformModule.forRoot({ app: 'verification', config, postgres: { schema: SCHEMA, entities: [], migrations: MIGRATIONS } }),
      RequestReplyModule, // asks reporting for a test's parameter indexes, and rerun to request a rerun on reject
    ],
    controllers: handling.controllers,
    providers: [...handling.providers, TestFormatsClient, RerunClient],
  })
  class AppModule {}
  return AppModule;
}
