import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DeviceDataReceived, TOPICS } from '@labflow/contracts';
import { KafkaMessageContext } from '@labflow/platform/kafka';
import { ApplyDeviceDataUseCase } from './apply-device-data.usecase';

@Controller()
export class DeviceDataReceivedHandler {
  constructor(private readonly applyDeviceData: ApplyDeviceDataUseCase) {}

  @EventPattern(TOPICS.deviceDataReceived.name)
  async onDeviceData(@Payload() event: DeviceDataReceived, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.applyDeviceData.execute(event, ctx);
  }
}
