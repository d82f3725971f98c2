import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { CommandReply, CommandRequest, VERIFICATION_COMMANDS } from '@labflow/contracts';
import { KafkaMessageContext } from '@labflow/platform/kafka';
import { DryRunUseCase } from './dry-run/dry-run.usecase';
import { QcHoldUseCase } from './qc/qc-hold.usecase';
import { GetDecisionUseCase } from './reads/get-decision.usecase';
import { ReviewReportUseCase } from './review/review-report.usecase';
import { GetRuleSetUseCase } from './rule-sets/get-rule-set.usecase';
import { SaveRuleSetUseCase } from './rule-sets/save-rule-set.usecase';

/** The gateway's commands to verification: translate only. */
@Controller()
export class VerificationHandler {
  constructor(
    private readonly saveRuleSet: SaveRuleSetUseCase,
    private readonly getRuleSet: GetRuleSetUseCase,
    private readonly qcHold: QcHoldUseCase,
    private readonly getDecision: GetDecisionUseCase,
    private readonly review: ReviewReportUseCase,
    private readonly dryRun: DryRunUseCase,
  ) {}

  @MessagePattern(VERIFICATION_COMMANDS.saveRuleSet.pattern)
  async save(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 201, body: await this.saveRuleSet.execute(request, ctx) };
  }

  @MessagePattern(VERIFICATION_COMMANDS.getRuleSet.pattern)
  async get(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.getRuleSet.execute(request) };
  }

  @MessagePattern(VERIFICATION_COMMANDS.setQcHold.pattern)
  async setHold(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.qcHold.set(request, ctx) };
  }

  @MessagePattern(VERIFICATION_COMMANDS.clearQcHold.pattern)
  async clearHold(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.qcHold.clear(request, ctx) };
  }

  @MessagePattern(VERIFICATION_COMMANDS.decision.pattern)
  async decision(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.getDecision.execute(request) };
  }

  @MessagePattern(VERIFICATION_COMMANDS.release.pattern)
  async release(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.review.release(request, ctx) };
  }

  @MessagePattern(VERIFICATION_COMMANDS.reject.pattern)
  async reject(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.review.reject(request, ctx) };
  }

  @MessagePattern(VERIFICATION_COMMANDS.dryRun.pattern)
  async dry(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.dryRun.execute(request) };
  }
}
