import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { CommandReply, CommandRequest, DEVICE_COMMANDS } from '@labflow/contracts';
import { KafkaMessageContext } from '@labflow/platform/kafka';
import { RegisterDeviceUseCase } from './register-device.usecase';

@Controller()
export class DevicesHandler {
  constructor(private readonly registerDevice: RegisterDeviceUseCase) {}

  @MessagePattern(DEVICE_COMMANDS.register.pattern)
  async register(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 201, body: await this.registerDevice.execute(request, ctx) };
  }
}
