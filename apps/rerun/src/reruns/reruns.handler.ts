import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import {
  AbortRerunInput, AutoRerunCheckInput, CommandReply, CommandRequest, ConfirmRerunInput, LabReportIdParam, RERUN_COMMANDS,
  RequestSampleRerunInput, RerunValuesInput,
} from '@labflow/contracts';
import { KafkaMessageContext } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { AbortRerunUseCase } from './abort-rerun.usecase';
import { AutoRerunCheckUseCase } from './auto-rerun-check.usecase';
import { ConfirmRerunUseCase } from './confirm-rerun.usecase';
import { GetRerunValuesUseCase } from './get-rerun-values.usecase';
import { ReceiveRerunValuesUseCase } from './receive-rerun-values.usecase';
import { RequestRerunUseCase } from './request-rerun.usecase';

/** The six seed 000 endpoints, as commands from the gateway. Translation only. */
@Controller()
export class RerunsHandler {
  constructor(
    private readonly getValues: GetRerunValuesUseCase,
    private readonly request: RequestRerunUseCase,
    private readonly receiveValues: ReceiveRerunValuesUseCase,
    private readonly confirm: ConfirmRerunUseCase,
    private readonly abort: AbortRerunUseCase,
    private readonly autoCheck: AutoRerunCheckUseCase,
  ) {}

  @MessagePattern(RERUN_COMMANDS.values.pattern)
  async values(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    const { principal, input } = authenticatedInput(LabReportIdParam, request);
    return { ok: true, status: 200, body: await this.getValues.execute(principal, input, ctx.causedContext) };
  }

  @MessagePattern(RERUN_COMMANDS.request.pattern)
  async requestRerun(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    const { principal, input } = authenticatedInput(RequestSampleRerunInput, request);
    return { ok: true, status: 200, body: await this.request.execute(principal, input, ctx.envelope.id, ctx.causedContext) };
  }

  @MessagePattern(RERUN_COMMANDS.receiveValues.pattern)
  async receive(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    const { principal, input } = authenticatedInput(RerunValuesInput, request);
    return { ok: true, status: 200, body: await this.receiveValues.execute(principal, input, ctx.envelope.id, ctx.causedContext) };
  }

  @MessagePattern(RERUN_COMMANDS.confirm.pattern)
  async confirmRerun(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    const { principal, input } = authenticatedInput(ConfirmRerunInput, request);
    return { ok: true, status: 200, body: await this.confirm.execute(principal, input, ctx.envelope.id, ctx.causedContext) };
  }

  @MessagePattern(RERUN_COMMANDS.abort.pattern)
  async abortRerun(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    const { principal, input } = authenticatedInput(AbortRerunInput, request);
    return { ok: true, status: 200, body: await this.abort.execute(principal, input, ctx.envelope.id, ctx.causedContext) };
  }

  @MessagePattern(RERUN_COMMANDS.autoCheck.pattern)
  async auto(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    const { principal, input } = authenticatedInput(AutoRerunCheckInput, request);
    return { ok: true, status: 200, body: await this.autoCheck.execute(principal, input, ctx.envelope.id, ctx.causedContext) };
  }
}
