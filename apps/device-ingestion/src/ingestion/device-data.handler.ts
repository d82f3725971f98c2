import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { CommandReply, CommandRequest, DEVICE_COMMANDS } from '@labflow/contracts';
import { KafkaMessageContext } from '@labflow/platform/kafka';
import { AddDeviceMappingUseCase } from '../mappings/add-device-mapping.usecase';
import { ReceiveDeviceDataUseCase } from './receive-device-data.usecase';

@Controller()
export class DeviceDataHandler {
  constructor(private readonly addMapping: AddDeviceMappingUseCase, private readonly receiveData: ReceiveDeviceDataUseCase) {}

  @MessagePattern(DEVICE_COMMANDS.addMapping.pattern)
  async onAddMapping(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 201, body: await this.addMapping.execute(request, ctx) };
  }

  @MessagePattern(DEVICE_COMMANDS.dataPartial.pattern)
  async onDataPartial(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.receiveData.execute(request, ctx) };
  }
}
