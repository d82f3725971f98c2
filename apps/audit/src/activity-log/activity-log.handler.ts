import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommandReply, CommandRequest, CRITICAL_COMMANDS } from '@labflow/contracts';
import { CriticalLogsUseCase } from './critical-logs.usecase';

@Controller()
export class ActivityLogQueriesHandler {
  constructor(private readonly criticalLogs: CriticalLogsUseCase) {}

  @MessagePattern(CRITICAL_COMMANDS.calloutLogs.pattern)
  async calloutLogs(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.criticalLogs.execute(request) };
  }
}
