import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { BackgroundLoop, RoundResult } from '@labflow/platform/kafka';
import { HealthRegistry } from '@labflow/platform/service';
import { AnalyzerBridgeConfig } from '../analyzer-bridge.config';
import { planConnections } from './connection-plan';
import { DeviceConnectionConfig, DeviceCredentialsConfig } from './device-connection.config';
import { DeviceDirectory } from './device-directory';
import { DeviceEndpoints } from './device-endpoints';
import { outcomeOf, RegistrationStatus } from './registered-connection';
import { fetchRegisteredConnection } from './registered-connection.client';

/** The registered devices of this bridge: the credentials entries of BRIDGE_DEVICES. */
export class RegisteredDevices {
  constructor(readonly list: readonly DeviceCredentialsConfig[]) {}
}

interface RegistrationState {
  entry: number;
  labId: number;
  name: string | null;
  status: RegistrationStatus;
  reason: string | null;
  checkedAt: string | null;
}

/**
 * Keeps the registered connections open as registered: reads each device's connection through the
 * gateway at start and every BRIDGE_CONNECTIONS_REFRESH_MS, and reconciles (opens new, closes removed,
 * reopens changed). A gateway that does not answer is asked again with backoff (1 s doubling, at most
 * the refresh interval); meanwhile what is open stays open, and a connection never read is `pending`
 * (readiness says so) — the bridge does not stop.
 */
@Injectable()
export class RegisteredConnections implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RegisteredConnections');
  private readonly loop: BackgroundLoop;
  private readonly states: RegistrationState[];
  private unansweredRounds = 0;

  constructor(
    private readonly registered: RegisteredDevices,
    private readonly endpoints: DeviceEndpoints,
    private readonly directory: DeviceDirectory,
    private readonly config: AnalyzerBridgeConfig,
    health: HealthRegistry,
  ) {
    this.states = registered.list.map((d, entry) => ({ entry, labId: d.labId, name: d.name ?? null, status: 'pending', reason: null, checkedAt: null }));
    this.loop = new BackgroundLoop(
      { name: 'RegisteredConnections', idleWaitMs: config.BRIDGE_CONNECTIONS_REFRESH_MS, failureLog: 'connections not refreshed' },
      () => this.refresh(),
    );
    health.register('registrations', async () => {
      const pending = this.states.find((s) => s.status === 'pending');
      if (pending) throw new Error(`devices[${pending.entry}] (lab ${pending.labId}): connection pending${pending.reason ? `: ${pending.reason}` : ''}`);
      return { bridge: config.BRIDGE_NAME, devices: this.states };
    });
  }

  onApplicationBootstrap(): void {
    if (this.registered.list.length > 0) this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** One pass: every registration read, then the open connections reconciled with them. */
  async refresh(): Promise<RoundResult> {
    const current = this.endpoints.registeredConnections();
    const wanted = new Map<string, DeviceConnectionConfig>();
    const answers = await Promise.all(this.registered.list.map((d) => fetchRegisteredConnection(this.config.LABFLOW_GATEWAY_URL, d, this.config.DELIVERY_TIMEOUT_MS)));
    let unanswered = false;
    answers.forEach((answer, i) => {
      const state = this.states[i];
      const outcome = outcomeOf(this.registered.list[i], answer, this.directory.profileRegistry, this.config.BRIDGE_NAME);
      state.checkedAt = new Date().toISOString();
      if (outcome.kind === 'unknown') {
        unanswered = true;
        state.reason = `not read: ${outcome.reason}`;
        const open = state.name ? current.get(state.name) : undefined;
        if (open) wanted.set(open.name, open); // no news: what is open stays as it is
        return;
      }
      if (outcome.kind === 'wanted') {
        wanted.set(outcome.device.name, outcome.device);
        state.name = outcome.device.name;
        state.status = 'open';
        state.reason = null;
        return;
      }
      if (state.status !== outcome.status || state.reason !== outcome.reason) this.logger.warn(`devices[${i}] (lab ${state.labId}): ${outcome.status}: ${outcome.reason}`);
      state.name = outcome.name ?? state.name;
      state.status = outcome.status;
      state.reason = outcome.reason;
    });
    await this.apply(current, wanted);
    this.unansweredRounds = unanswered ? this.unansweredRounds + 1 : 0;
    if (!unanswered) return 'idle';
    return { waitMs: Math.min(1000 * 2 ** (this.unansweredRounds - 1), this.config.BRIDGE_CONNECTIONS_REFRESH_MS) };
  }

  private async apply(current: Map<string, DeviceConnectionConfig>, wanted: Map<string, DeviceConnectionConfig>): Promise<void> {
    const plan = planConnections(current, wanted);
    for (const name of plan.close) {
      this.logger.log(`device ${name}: registration removed or moved, closing its connection`);
      this.endpoints.closeRegistered(name);
    }
    for (const device of plan.reopen) {
      this.logger.log(`device ${device.name}: registration changed, reopening on ${device.mode} ${device.host}:${device.port}`);
      await this.endpoints.reopenRegistered(device);
    }
    for (const device of plan.open) await this.endpoints.openRegistered(device);
  }
}
