import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { DeviceRegistered, TOPICS } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { DeviceRepository } from './device.repository';

const CONSUMER = 'verification.device-registered';

/** Learns each lab's devices, so a QC hold names a device of the caller's lab (another lab's is a 404). */
@Controller()
export class DeviceRegisteredHandler {
  constructor(private readonly dataSource: DataSource, private readonly devices: DeviceRepository, private readonly inbox: PgInbox) {}

  @EventPattern(TOPICS.deviceRegistered.name)
  async onRegistered(@Payload() e: DeviceRegistered, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (await this.inbox.claim(manager, CONSUMER, ctx.envelope.id)) await this.devices.save(manager, e.labId, e.deviceId, e.name);
    });
  }
}
