import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DeviceDataReceived, RerunRequested, systemPrincipal, TOPICS } from '@labflow/contracts';
import { DomainException, EventBatchPattern, KafkaBatchContext, KafkaMessageContext } from '@labflow/platform/kafka';
import { AutoCheck, AutoRerunCheckUseCase } from './auto-rerun-check.usecase';
import { RequestRerunUseCase } from './request-rerun.usecase';

/**
 * Events the rerun app reacts to. A 4xx outcome (report gone, a rerun already in progress) is a
 * decision, not a failure: it is logged and the message acknowledged. Anything else is retried and
 * then dead-lettered by the transport.
 */
@Controller()
export class RerunEventsHandler {
  private readonly logger = new Logger('RerunEventsHandler');

  constructor(private readonly request: RequestRerunUseCase, private readonly autoCheck: AutoRerunCheckUseCase) {}

  /** seed 000 §6: the auto request, run as the system user (-1) through the same use case as HTTP. */
  @EventPattern(TOPICS.rerunRequested.name)
  async onRerunRequested(@Payload() event: RerunRequested, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.decided(`rerun.requested for lab report ${event.labReportId}`, () => this.request.execute(systemPrincipal(event.lab_id), {
      labReportId: event.labReportId, type: event.type, rerun_number: event.rerun_number, requested_parameters: event.requested_parameters,
      parameter_names: event.parameter_names, is_active: event.is_active, lab_id: event.lab_id,
    }, ctx.envelope.id, ctx.causedContext));
  }

  /**
   * The auto-rerun qualification of seed 000 §6 on every analyzer result, without any HTTP call.
   * Consecutive uploads of a partition come together: one context query per lab for all of them.
   */
  @EventBatchPattern(TOPICS.deviceDataReceived.name)
  async onDeviceData(@Payload() events: DeviceDataReceived[], @Ctx() batch: KafkaBatchContext): Promise<void> {
    const checks = events.flatMap((event, i) => autoChecksOf(event, batch.messages[i]));
    const contexts = await this.autoCheck.contextsFor(checks);
    for (const check of checks) {
      await this.decided(`auto check of lab report ${check.input.labReportId}`, () => this.autoCheck.executeWith(contexts, check));
    }
  }

  private async decided(what: string, run: () => Promise<{ message: string }>): Promise<void> {
    try {
      const result = await run();
      this.logger.log(`${what}: ${result.message}`);
    } catch (error) {
      if (error instanceof DomainException && error.status < 500) {
        this.logger.warn(`${what}: ${error.message}`);
        return;
      }
      throw error;
    }
  }
}

/** The checks of one upload: each of its lab reports with the values it got (decided once per upload and report). */
function autoChecksOf(event: DeviceDataReceived, ctx: KafkaMessageContext): AutoCheck[] {
  return event.labReportIds.flatMap((labReportId) => {
    const values = event.values.filter((v) => v.labReportId === labReportId).map((v) => ({ index: v.index, value: v.numericValue ?? v.value }));
    if (values.length === 0) return [];
    return [{ labId: event.labId, input: { labReportId, device_data: values }, messageId: `${ctx.envelope.id}:${labReportId}`, ctx: ctx.causedContext }];
  });
}
