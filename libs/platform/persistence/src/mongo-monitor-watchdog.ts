import type { MongoClient } from 'mongodb';

export interface MongoMonitorWatchdogOptions {
  /** Silence of the server monitor after which it is taken as stuck: three missed heartbeats by default. */
  stuckAfterMs?: number;
  checkEveryMs?: number;
  /** Told each time the client is reconnected, and why (the app logs it). */
  onReconnect?: (reason: string) => void;
}

const HEARTBEAT_EVENTS = ['serverHeartbeatStarted', 'serverHeartbeatSucceeded', 'serverHeartbeatFailed'] as const;

/**
 * Reconnects a MongoDB client whose server monitor went silent. The driver's monitor checks the server
 * at least every heartbeat (10 s), and every 500 ms while an operation waits for a server, each check
 * announced by a heartbeat event. After a FerretDB restart we saw one app's monitor stop checking for
 * good: the server stayed Unknown with the error of a closed pooled connection, every operation failed
 * server selection and its outbox relay stayed paused until the app restarted, while the other apps
 * had recovered. The watchdog closes that client and connects it again (a new topology and monitor;
 * the Db and Mongoose models over it stay valid). Operations in flight fail and are retried by their
 * callers, as during any outage. Anything silent for less than `stuckAfterMs` is left to the driver.
 */
export class MongoMonitorWatchdog {
  private lastHeartbeatAt = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private reconnecting = false;
  private readonly onHeartbeat = () => {
    this.lastHeartbeatAt = Date.now();
  };
  reconnects = 0;

  constructor(private readonly client: MongoClient, private readonly options: MongoMonitorWatchdogOptions = {}) {}

  start(): this {
    for (const event of HEARTBEAT_EVENTS) this.client.on(event, this.onHeartbeat);
    this.lastHeartbeatAt = Date.now();
    this.timer = setInterval(() => void this.check(), this.options.checkEveryMs ?? 5000);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const event of HEARTBEAT_EVENTS) this.client.off(event, this.onHeartbeat);
  }

  /** Reconnects when the monitor has been silent too long; true when it did. */
  async check(now = Date.now()): Promise<boolean> {
    const silentMs = now - this.lastHeartbeatAt;
    if (this.reconnecting || this.timer === null || silentMs < (this.options.stuckAfterMs ?? 30_000)) return false;
    this.reconnecting = true;
    try {
      this.options.onReconnect?.(`no heartbeat of the document store's monitor for ${Math.round(silentMs / 1000)} s`);
      await this.client.close().catch(() => undefined);
      const connected = await this.client.connect().then(() => true, () => false);
      // a connect that failed (the store is down too) is tried again at the next check
      this.lastHeartbeatAt = connected ? Date.now() : 0;
      this.reconnects += 1;
      return true;
    } finally {
      this.reconnecting = false;
    }
  }
}
