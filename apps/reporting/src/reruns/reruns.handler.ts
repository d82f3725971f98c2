import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import {
  CommandReply, CommandRequest, REPORTING_RERUN_QUERIES, RerunCancelled, RerunConfirmed, RerunRequestRecorded, RerunValuesReceived, TOPICS,
} from '@labflow/contracts';
import { KafkaMessageContext } from '@labflow/platform/kafka';
import { ApplyRerunConfirmedUseCase } from './apply-rerun-confirmed.usecase';
import { ApplyRerunFlagUseCase } from './apply-rerun-flag.usecase';
import { RerunContextQuery } from './rerun-context.query';

/** reporting's side of the rerun lifecycle (seed 000): the context query and the reactions. */
@Controller()
export class ReportingRerunsHandler {
  constructor(
    private readonly context: RerunContextQuery,
    private readonly applyFlag: ApplyRerunFlagUseCase,
    private readonly applyConfirmed: ApplyRerunConfirmedUseCase,
  ) {}

  @MessagePattern(REPORTING_RERUN_QUERIES.context.pattern)
  async rerunContext(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.context.execute(request) };
  }

  @MessagePattern(REPORTING_RERUN_QUERIES.contexts.pattern)
  async rerunContexts(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.context.executeMany(request) };
  }

  @EventPattern(TOPICS.rerunRequestRecorded.name)
  async onRequested(@Payload() event: RerunRequestRecorded, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.applyFlag.execute('reporting.rerun-requested', event, 3, ctx);
  }

  /** seed 000 §2: flag 4 only when the delivery fulfilled the rerun; a partial one keeps 3. */
  @EventPattern(TOPICS.rerunValuesReceived.name)
  async onValues(@Payload() event: RerunValuesReceived, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.applyFlag.execute('reporting.rerun-values', event, event.fulfilled ? 4 : null, ctx);
  }

  @EventPattern(TOPICS.rerunCancelled.name)
  async onCancelled(@Payload() event: RerunCancelled, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.applyFlag.execute('reporting.rerun-cancelled', event, 0, ctx);
  }

  @EventPattern(TOPICS.rerunConfirmed.name)
  async onConfirmed(@Payload() event: RerunConfirmed, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.applyConfirmed.execute(event, ctx);
  }
}
