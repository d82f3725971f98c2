import { Controller, Injectable } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { DeviceRegistered, TOPICS } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { SCHEMA } from '../migrations';

/** Reporting's copy of the lab's analyzers (device.registered): names for the validation screen. */
@Injectable()
export class DeviceDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async find(labId: number, deviceId: number): Promise<{ id: number; name: string } | null> {
    const rows: { id: number; name: string }[] = await this.dataSource.query(
      `SELECT id, name FROM "${SCHEMA}".devices WHERE lab_id = $1 AND id = $2`, [labId, deviceId],
    );
    return rows[0] ?? null;
  }
}

const CONSUMER = 'reporting.device-registered';

@Controller()
export class DeviceRegisteredHandler {
  constructor(private readonly dataSource: DataSource, private readonly inbox: PgInbox) {}

  @EventPattern(TOPICS.deviceRegistered.name)
  async onDeviceRegistered(@Payload() event: DeviceRegistered, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, ctx.envelope.id))) return;
      await manager.query(
        `INSERT INTO "${SCHEMA}".devices (id, lab_id, name) VALUES ($1,$2,$3) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name`,
        [event.deviceId, event.labId, event.name],
      );
    });
  }
}
