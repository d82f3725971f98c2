import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandRequest, RegisterDeviceInput, RegisterDeviceResult, TOPICS } from '@labflow/contracts';
import { DomainException, KafkaMessageContext, PgInbox, PgOutbox } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { hashDeviceAuth, newDeviceAuth } from './device-auth';
import { DeviceRepository } from './device.repository';

const CONSUMER = 'device.register';

@Injectable()
export class RegisterDeviceUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly devices: DeviceRepository,
    private readonly outbox: PgOutbox,
    private readonly inbox: PgInbox,
  ) {}

  async execute(request: CommandRequest, ctx: KafkaMessageContext): Promise<RegisterDeviceResult | { duplicate: true }> {
    const { principal, input } = authenticatedInput(RegisterDeviceInput, request);
    if (input.lab !== undefined && input.lab !== principal.labId) {
      throw new DomainException(403, 'LAB_MISMATCH', 'A device can only be registered for your own lab');
    }
    const deviceAuth = newDeviceAuth();
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, ctx.envelope.id))) {
        const stored = await this.inbox.storedResponse(manager, CONSUMER, ctx.envelope.id);
        // The token is never stored in clear: a repeated request cannot show it again.
        return (stored as RegisterDeviceResult | null) ?? { duplicate: true as const };
      }
      const device = await this.devices.insert(manager, { labId: principal.labId, name: input.name, authHash: hashDeviceAuth(deviceAuth) });
      await this.outbox.add(manager, TOPICS.deviceRegistered, {
        deviceId: device.id, labId: device.labId, name: device.name, registeredAt: device.createdAt.toISOString(),
      }, ctx.causedContext);
      await this.inbox.saveResponse(manager, CONSUMER, ctx.envelope.id, { id: device.id, name: device.name, lab: device.labId, deviceAuth: '(shown once)' });
      return { id: device.id, name: device.name, lab: device.labId, deviceAuth };
    });
  }
}
