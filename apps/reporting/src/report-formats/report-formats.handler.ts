import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { CommandReply, CommandRequest, REPORT_FORMAT_COMMANDS, REPORT_FORMAT_QUERIES } from '@labflow/contracts';
import { KafkaMessageContext } from '@labflow/platform/kafka';
import { CreateReportFormatUseCase } from './create-report-format.usecase';
import { TestParameterIndexesQuery } from './test-parameter-indexes.query';
import { UpdateReportFormatUseCase } from './update-report-format.usecase';

@Controller()
export class ReportFormatsHandler {
  constructor(
    private readonly create: CreateReportFormatUseCase,
    private readonly update: UpdateReportFormatUseCase,
    private readonly parameterIndexes: TestParameterIndexesQuery,
  ) {}

  @MessagePattern(REPORT_FORMAT_COMMANDS.create.pattern)
  async onCreate(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 201, body: await this.create.execute(request, ctx) };
  }

  @MessagePattern(REPORT_FORMAT_COMMANDS.update.pattern)
  async onUpdate(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.update.execute(request, ctx) };
  }

  @MessagePattern(REPORT_FORMAT_QUERIES.parameterIndexes.pattern)
  async onParameterIndexes(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.parameterIndexes.execute(request) };
  }
}
