import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  AutoRerunCheckInput, DeviceDataReceived, idsByLab, labScopedKey, LabReportRerunContext, RerunMessageResult, systemPrincipal, TOPICS,
} from '@labflow/contracts';
import { Command, DomainError, UnitsOfWork } from '@labflow/platform/handling';
import { DomainException, EventBatchPattern, KafkaBatchContext, KafkaMessageContext } from '@labflow/platform/kafka';
import { RerunRepositories, RerunUnitOfWork, RerunUnitsOfWork } from '../rerun-unit-of-work';
import { AutoRerunCheckUseCase } from './auto-rerun-check.usecase';
import { RERUN_ERRORS, rerunError } from './rerun.errors';

/**
 * seed 000 §6's qualification on every analyzer result, without any HTTP call. The seam has no batch
 * declaration, so this one handler stays: consecutive uploads of a partition come together, their
 * reports' contexts are asked once per lab for all of them, then each check is decided as its own
 * unit (its message id `<envelope>:<labReportId>` applied once). A 4xx outcome (report gone, another
 * lab's) is a decision, logged and acknowledged; anything else is retried, then dead-lettered.
 */
@Controller()
export class AutoRerunOnUploadHandler {
  private readonly logger = new Logger('AutoRerunOnUploadHandler');

  constructor(
    @Inject(RerunUnitsOfWork) private readonly units: UnitsOfWork<RerunRepositories>,
    private readonly autoCheck: AutoRerunCheckUseCase,
  ) {}

  @EventBatchPattern(TOPICS.deviceDataReceived.name)
  async onDeviceData(@Payload() events: DeviceDataReceived[], @Ctx() batch: KafkaBatchContext): Promise<void> {
    const checks = events.flatMap((event, i) => autoChecksOf(event, batch.messages[i]));
    if (checks.length === 0) return;
    const contexts = await this.units.read((unit) => contextsOf(unit, checks));
    for (const check of checks) {
      const report = contexts.get(labScopedKey(check.labId, check.input.labReportId));
      const claim = { consumer: 'rerun.auto-check', messageId: check.messageId, keepReply: false };
      await this.decided(`auto check of lab report ${check.input.labReportId}`, async () => {
        const outcome = await this.units.claimed(claim, check.cause, (unit) => {
          if (!report) throw rerunError('LAB_REPORT_NOT_FOUND');
          return this.autoCheck.decide(check, report, unit);
        });
        return outcome.first ? outcome.result : { message: 'already decided' };
      });
    }
  }

  private async decided(what: string, run: () => Promise<RerunMessageResult>): Promise<void> {
    try {
      this.logger.log(`${what}: ${(await run()).message}`);
    } catch (thrown) {
      const error = thrown instanceof DomainError ? RERUN_ERRORS.toException(thrown) : thrown;
      if (error instanceof DomainException && error.status < 500) {
        this.logger.warn(`${what}: ${error.message}`);
        return;
      }
      throw error;
    }
  }
}

/**
 * The contexts of a batch's checks, by labScopedKey: one query per lab (in chunks of MAX_RERUN_CONTEXTS)
 * instead of one per check, each as the lab's system user. A report reporting did not find is absent.
 */
async function contextsOf(unit: RerunUnitOfWork, checks: Command<AutoRerunCheckInput>[]): Promise<Map<string, LabReportRerunContext>> {
  const found = new Map<string, LabReportRerunContext>();
  for (const [labId, ids] of idsByLab(checks.map((c) => ({ labId: c.labId, id: c.input.labReportId })))) {
    for (const [id, context] of await unit.reporting.contextsOf(systemPrincipal(labId), ids, checks[0].cause)) found.set(labScopedKey(labId, id), context);
  }
  return found;
}

/** The checks of one upload: each of its lab reports with the values it got, decided once per upload and report. */
export function autoChecksOf(event: DeviceDataReceived, ctx: KafkaMessageContext): Command<AutoRerunCheckInput>[] {
  return event.labReportIds.flatMap((labReportId) => {
    const values = event.values.filter((v) => v.labReportId === labReportId).map((v) => ({ index: v.index, value: v.numericValue ?? v.value }));
    if (values.length === 0) return [];
    const input: AutoRerunCheckInput = { labReportId, device_data: values };
    return [{ labId: event.labId, principal: systemPrincipal(event.labId), input, messageId: `${ctx.envelope.id}:${labReportId}`, cause: ctx.causedContext }];
  });
}
