import { Module } from '@nestjs/common';
import { PlatformModule, ReportingTestsClient, RequestReplyModule, ServiceConfig } from '@labflow/platform/service';
import { MIGRATIONS, SCHEMA } from './migrations';
import { DecideUpdateUseCase } from './decisions/decide-update.usecase';
import { DecisionRepository } from './decisions/decision.repository';
import { ReportStateRepository } from './decisions/report-state.repository';
import { ValueHistoryRepository } from './decisions/value-history.repository';
import { ValuesUpdatedHandler } from './decisions/values-updated.handler';
import { DryRunUseCase } from './dry-run/dry-run.usecase';
import { DeviceRegisteredHandler } from './qc/device-registered.handler';
import { DeviceRepository } from './qc/device.repository';
import { QcHoldRepository } from './qc/qc-hold.repository';
import { QcHoldUseCase } from './qc/qc-hold.usecase';
import { GetDecisionUseCase } from './reads/get-decision.usecase';
import { RerunEventsHandler } from './reruns/rerun-events.handler';
import { RerunRepository } from './reruns/rerun.repository';
import { RerunClient } from './review/rerun.client';
import { ReviewReportUseCase } from './review/review-report.usecase';
import { GetRuleSetUseCase } from './rule-sets/get-rule-set.usecase';
import { ReportFormatSavedHandler } from './rule-sets/report-format-saved.handler';
import { ReportFormatRepository } from './rule-sets/report-format.repository';
import { RuleSetRepository } from './rule-sets/rule-set.repository';
import { SaveRuleSetUseCase } from './rule-sets/save-rule-set.usecase';
import { VerificationHandler } from './verification.handler';

export function verificationModule(config: ServiceConfig) {
  @Module({
    imports: [
      PlatformModule.forRoot({ app: 'verification', config, postgres: { schema: SCHEMA, entities: [], migrations: MIGRATIONS } }),
      RequestReplyModule, // asks reporting for a test's parameter indexes, and rerun to request a rerun on reject
    ],
    controllers: [VerificationHandler, ValuesUpdatedHandler, ReportFormatSavedHandler, RerunEventsHandler, DeviceRegisteredHandler],
    providers: [
      RuleSetRepository, ReportFormatRepository, ReportingTestsClient, SaveRuleSetUseCase, GetRuleSetUseCase,
      DeviceRepository, QcHoldRepository, QcHoldUseCase, RerunRepository,
      DecisionRepository, ReportStateRepository, ValueHistoryRepository, DecideUpdateUseCase,
      GetDecisionUseCase, RerunClient, ReviewReportUseCase, DryRunUseCase,
    ],
  })
  class AppModule {}
  return AppModule;
}
