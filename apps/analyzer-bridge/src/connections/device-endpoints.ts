import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HealthRegistry } from '@labflow/platform/service';
import { AnalyzerBridgeConfig } from '../analyzer-bridge.config';
import { UploadDelivery } from '../delivery/upload-delivery';
import { InstrumentIntake } from '../intake/instrument-intake';
import { realTimers } from '../link/link-timers';
import { AstmSession } from './astm-session';
import { DeviceDirectory } from './device-directory';
import { ConnectionSession, DeviceEndpoint } from './device-endpoint';
import { Hl7Session } from './hl7-session';
import { DeviceConnectionConfig } from './device-connection.config';
import { HostQueries } from '../work-orders/host-queries';

/** Opens every configured device's endpoint at start (a port that cannot be bound stops the bridge) and closes them first at shutdown. */
@Injectable()
export class DeviceEndpoints implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly endpoints: DeviceEndpoint[];

  constructor(
    private readonly devices: DeviceDirectory,
    private readonly intake: InstrumentIntake,
    private readonly delivery: UploadDelivery,
    private readonly config: AnalyzerBridgeConfig,
    private readonly hostQueries: HostQueries,
    health: HealthRegistry,
  ) {
    this.endpoints = devices.devices.map((device) => new DeviceEndpoint(device, (write) => this.sessionFor(device, write)));
    health.register('instruments', async () => {
      const states = this.endpoints.map((e) => e.state);
      const down = states.find((s) => s.mode === 'server' && !s.up);
      if (down) throw new Error(`device ${down.device} is not listening on ${down.address}: ${down.lastError ?? ''}`);
      return { devices: states };
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.endpoints.map((e) => e.start()));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.endpoints.map((e) => e.stop()));
  }

  private sessionFor(device: DeviceConnectionConfig, write: (bytes: Buffer) => void): ConnectionSession {
    const profile = this.devices.profileOf(device);
    switch (device.protocol) {
      case 'astm':
        return new AstmSession(device, profile, this.intake, write, realTimers, this.hostQueries);
      case 'hl7':
        return new Hl7Session(device, profile, this.intake, this.delivery, this.config.HL7_ACK_WAIT_MS, write, this.hostQueries);
    }
  }
}
