import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { CommandReply, CommandRequest, REGISTRATION_COMMANDS, REGISTRATION_QUERIES } from '@labflow/contracts';
import { KafkaMessageContext } from '@labflow/platform/kafka';
import { RegisterPatientUseCase } from './register-patient.usecase';
import { SampleLabReportsQuery } from './sample-lab-reports.query';

@Controller()
export class RegistrationHandler {
  constructor(private readonly registerPatient: RegisterPatientUseCase, private readonly sampleLabReports: SampleLabReportsQuery) {}

  @MessagePattern(REGISTRATION_COMMANDS.register.pattern)
  async register(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 201, body: await this.registerPatient.execute(request, ctx) };
  }

  @MessagePattern(REGISTRATION_QUERIES.sampleLabReports.pattern)
  async labReportsOfSample(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.sampleLabReports.execute(request) };
  }
}
