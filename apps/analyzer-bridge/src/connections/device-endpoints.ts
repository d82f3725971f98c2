import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HealthRegistry } from '@labflow/platform/service';
import { AnalyzerBridgeConfig } from '../analyzer-bridge.config';
import { UploadDelivery } from '../delivery/upload-delivery';
import { InstrumentIntake } from '../intake/instrument-intake';
import { realTimers } from '../link/link-timers';
import { AstmSession } from './astm-session';
import { DeviceDirectory } from './device-directory';
import { ConnectionSession, DeviceEndpoint, EndpointState } from './device-endpoint';
import { Hl7Session } from './hl7-session';
import { DeviceConnectionConfig } from './device-connection.config';
import { HostQueries } from '../work-orders/host-queries';

/**
 * The devices' endpoints. The configured ones open at start (a port that cannot be bound stops the
 * bridge); the registered ones are opened, closed and reopened by RegisteredConnections as their
 * registrations change (a port that cannot be bound is reported and tried again at the next refresh).
 * All close first at shutdown.
 */
@Injectable()
export class DeviceEndpoints implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DeviceEndpoints');
  private readonly configured: DeviceEndpoint[];
  private readonly registered = new Map<string, { device: DeviceConnectionConfig; endpoint: DeviceEndpoint }>();
  /** Registered connections whose listener could not start, by name: their state until the next try. */
  private readonly failed = new Map<string, EndpointState>();
  private readonly draining = new Set<DeviceEndpoint>();
  private stopping = false;

  constructor(
    private readonly devices: DeviceDirectory,
    private readonly intake: InstrumentIntake,
    private readonly delivery: UploadDelivery,
    private readonly config: AnalyzerBridgeConfig,
    private readonly hostQueries: HostQueries,
    health: HealthRegistry,
  ) {
    this.configured = devices.devices.map((device) => this.endpointOf(device));
    health.register('instruments', async () => {
      const states = [...this.configured, ...[...this.registered.values()].map((r) => r.endpoint)].map((e) => e.state);
      const down = [...states, ...this.failed.values()].find((s) => s.mode === 'server' && !s.up);
      if (down) throw new Error(`device ${down.device} is not listening on ${down.address}: ${down.lastError ?? ''}`);
      return { devices: states };
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.configured.map((e) => e.start()));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    const all = [...this.configured, ...[...this.registered.values()].map((r) => r.endpoint), ...this.draining];
    this.registered.clear();
    await Promise.all(all.map((e) => e.stop()));
  }

  /** The registered connections open now, by name (one that failed to listen is not: the next refresh opens it again). */
  registeredConnections(): Map<string, DeviceConnectionConfig> {
    return new Map([...this.registered].map(([name, r]) => [name, r.device]));
  }

  async openRegistered(device: DeviceConnectionConfig): Promise<void> {
    if (this.stopping || this.registered.has(device.name)) return;
    this.devices.remember(device);
    const endpoint = this.endpointOf(device);
    try {
      await endpoint.start();
      this.failed.delete(device.name);
      this.registered.set(device.name, { device, endpoint });
    } catch (error) {
      await endpoint.stop();
      this.failed.set(device.name, { ...endpoint.state, up: false, lastError: (error as Error).message });
      this.logger.error(`device ${device.name}: ${device.host}:${device.port} not opened (${(error as Error).message}); tried again at the next refresh`);
    }
  }

  /** Stops the listener now; its open connections end between messages (DeviceEndpoint.drain). */
  closeRegistered(name: string): void {
    this.failed.delete(name);
    const open = this.registered.get(name);
    if (!open) return;
    this.registered.delete(name);
    this.draining.add(open.endpoint);
    open.endpoint.drain()
      .catch((error: unknown) => this.logger.warn(`device ${name}: ${(error as Error).message}`))
      .finally(() => this.draining.delete(open.endpoint));
  }

  async reopenRegistered(device: DeviceConnectionConfig): Promise<void> {
    this.closeRegistered(device.name);
    await this.openRegistered(device);
  }

  private endpointOf(device: DeviceConnectionConfig): DeviceEndpoint {
    return new DeviceEndpoint(device, (write) => this.sessionFor(device, write));
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
