import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { DeviceDataReceived, TOPICS } from '@labflow/contracts';
import { EventBatchPattern, KafkaBatchContext } from '@labflow/platform/kafka';
import { ApplyDeviceDataUseCase } from './apply-device-data.usecase';

@Controller()
export class DeviceDataReceivedHandler {
  constructor(private readonly applyDeviceData: ApplyDeviceDataUseCase) {}

  /** A morning batch is a backlog: consecutive uploads of a partition are applied in one transaction. */
  @EventBatchPattern(TOPICS.deviceDataReceived.name)
  async onDeviceData(@Payload() events: DeviceDataReceived[], @Ctx() batch: KafkaBatchContext): Promise<void> {
    await this.applyDeviceData.execute(events.map((event, i) => ({ event, ctx: batch.messages[i] })));
  }
}
