import type { MongoClient } from 'mongodb';
import mongoose, { Connection } from 'mongoose';
import { MongoMonitorWatchdog } from './mongo-monitor-watchdog';

/** The driver's internals a test reaches to silence the monitor, as a stuck one is. */
interface TopologyInternals { s: { servers: Map<string, { monitor?: { close(): void } }> } }

/**
 * Against the real document store: a client whose monitor stopped (closed here through the driver's
 * internals, as it stopped by itself after a FerretDB restart) is reconnected, a new monitor reports
 * again, and the Mongoose models over the connection keep working.
 */
describe('MongoMonitorWatchdog (document store)', () => {
  let mongo: Connection;
  let watchdog: MongoMonitorWatchdog;

  beforeAll(async () => {
    mongo = await mongoose.createConnection(`${process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/labflow'}_watchdog`, {
      retryWrites: false, serverSelectionTimeoutMS: 3000, heartbeatFrequencyMS: 500,
    }).asPromise();
  });
  afterAll(async () => {
    watchdog?.stop();
    await mongo.dropDatabase();
    await mongo.close();
  });

  it('reconnects a client whose monitor went silent; models work after it', async () => {
    const client: MongoClient = mongo.getClient();
    const Probe = mongo.model('WatchdogProbe', new mongoose.Schema({ _id: String, n: Number }));
    await Probe.create({ _id: 'a', n: 1 });
    watchdog = new MongoMonitorWatchdog(client, { stuckAfterMs: 2000, checkEveryMs: 250 }).start();

    const heartbeats: number[] = [];
    client.on('serverHeartbeatSucceeded', () => heartbeats.push(Date.now()));
    const topology = (client as unknown as { topology: TopologyInternals }).topology;
    for (const server of topology.s.servers.values()) server.monitor?.close();
    const silencedAt = Date.now();

    await waitFor(() => watchdog.reconnects === 1, 10_000);
    await waitFor(() => heartbeats.some((t) => t > silencedAt), 10_000);
    expect((client as unknown as { topology: TopologyInternals }).topology).not.toBe(topology);
    await Probe.updateOne({ _id: 'a' }, { $inc: { n: 1 } });
    expect((await Probe.findById('a').lean())?.n).toBe(2);
    expect(mongo.readyState).toBe(mongoose.ConnectionStates.connected);
  });
});

async function waitFor(ok: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
