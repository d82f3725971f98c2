import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { CommandReply, CommandRequest, REGISTRATION_COMMANDS } from '@labflow/contracts';
import { KafkaMessageContext } from '@labflow/platform/kafka';
import { RegisterPatientUseCase } from './register-patient.usecase';

@Controller()
export class RegistrationHandler {
  constructor(private readonly registerPatient: RegisterPatientUseCase) {}

  @MessagePattern(REGISTRATION_COMMANDS.register.pattern)
  async register(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 201, body: await this.registerPatient.execute(request, ctx) };
  }
}
