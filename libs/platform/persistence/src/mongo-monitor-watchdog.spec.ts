import { EventEmitter } from 'node:events';
import type { MongoClient } from 'mongodb';
import { MongoMonitorWatchdog } from './mongo-monitor-watchdog';

/** A client's event surface and its close/connect, recording what the watchdog did. */
class RecordingClient extends EventEmitter {
  calls: string[] = [];
  connectFails = false;
  async close(): Promise<void> {
    this.calls.push('close');
  }
  async connect(): Promise<this> {
    this.calls.push('connect');
    if (this.connectFails) throw new Error('connect ECONNREFUSED');
    return this;
  }
}

describe('MongoMonitorWatchdog', () => {
  let client: RecordingClient;
  let watchdog: MongoMonitorWatchdog;
  const reasons: string[] = [];
  const start = () => {
    watchdog = new MongoMonitorWatchdog(client as unknown as MongoClient, { stuckAfterMs: 30_000, checkEveryMs: 60_000, onReconnect: (r) => reasons.push(r) }).start();
  };

  beforeEach(() => {
    client = new RecordingClient();
    reasons.length = 0;
  });
  afterEach(() => watchdog.stop());

  it('leaves a monitor that keeps reporting alone, failures included', async () => {
    start();
    client.emit('serverHeartbeatFailed', {});
    expect(await watchdog.check(Date.now() + 29_000)).toBe(false);
    expect(client.calls).toEqual([]);
  });

  it('reconnects the client once its monitor is silent past the limit, and says why', async () => {
    start();
    expect(await watchdog.check(Date.now() + 31_000)).toBe(true);
    expect(client.calls).toEqual(['close', 'connect']);
    expect(reasons).toEqual([expect.stringMatching(/no heartbeat .* for 31 s/)]);
    // the new monitor's silence is counted from the reconnect
    expect(await watchdog.check(Date.now() + 1000)).toBe(false);
    expect(watchdog.reconnects).toBe(1);
  });

  it('tries again at the next check when the reconnect could not connect', async () => {
    start();
    client.connectFails = true;
    expect(await watchdog.check(Date.now() + 31_000)).toBe(true);
    expect(await watchdog.check(Date.now() + 1)).toBe(true);
    expect(client.calls).toEqual(['close', 'connect', 'close', 'connect']);
  });

  it('does nothing once stopped', async () => {
    start();
    watchdog.stop();
    expect(await watchdog.check(Date.now() + 60_000)).toBe(false);
    expect(client.listenerCount('serverHeartbeatStarted')).toBe(0);
  });
});
