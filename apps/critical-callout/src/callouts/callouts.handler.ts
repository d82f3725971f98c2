import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { CommandReply, CommandRequest, CRITICAL_COMMANDS } from '@labflow/contracts';
import { KafkaMessageContext } from '@labflow/platform/kafka';
import { ExportCalloutsUseCase } from './export-callouts.usecase';
import { RecordCalloutUseCase } from './record-callout.usecase';

@Controller()
export class CalloutsHandler {
  constructor(private readonly recordCallout: RecordCalloutUseCase, private readonly exportCallouts: ExportCalloutsUseCase) {}

  @MessagePattern(CRITICAL_COMMANDS.recordCallout.pattern)
  async record(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 201, body: await this.recordCallout.execute(request, ctx) };
  }

  @MessagePattern(CRITICAL_COMMANDS.exportCallouts.pattern)
  async export(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.exportCallouts.execute(request) };
  }
}
