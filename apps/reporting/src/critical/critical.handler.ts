import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommandReply, CommandRequest, CRITICAL_COMMANDS } from '@labflow/contracts';
import { CriticalRecordsUseCase } from './critical-records.usecase';
import { SetLabUserDepartmentsUseCase } from './lab-user-departments.usecase';

@Controller()
export class CriticalHandler {
  constructor(private readonly records: CriticalRecordsUseCase, private readonly departments: SetLabUserDepartmentsUseCase) {}

  @MessagePattern(CRITICAL_COMMANDS.records.pattern)
  async criticalRecords(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.records.execute(request) };
  }

  @MessagePattern(CRITICAL_COMMANDS.setLabUserDepartments.pattern)
  async setLabUserDepartments(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.departments.execute(request) };
  }
}
