import net from 'node:net';
import { closeRedis, connectRedis, pingRedis, RedisClient } from './redis';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A TCP relay in front of the real Redis that a test can cut and restore, like an outage. */
class CuttableRelay {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  async open(port = 0): Promise<void> {
    const target = new URL(REDIS_URL);
    this.server = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 6379), target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  url(): string {
    const target = new URL(REDIS_URL);
    return `redis://127.0.0.1:${this.port}${target.pathname}`;
  }
}

describe('connectRedis (node-redis against the real server)', () => {
  const relay = new CuttableRelay();
  let sut: RedisClient | null = null;

  afterEach(async () => {
    if (sut) closeRedis(sut);
    sut = null;
    await relay.cut();
  });

  it('resolves once the connection is ready, with the database of the URL selected', async () => {
    sut = await connectRedis(REDIS_URL, { name: 'persistence-spec' });
    expect(sut.isReady).toBe(true);
    await expect(pingRedis(sut)).resolves.toBeUndefined();
    expect(await sut.clientGetName()).toBe('persistence-spec');
  });

  it('rejects when Redis cannot be reached, leaving nothing open', async () => {
    await relay.open();
    const url = relay.url();
    await relay.cut();
    const errors: Error[] = [];
    await expect(connectRedis(url, { name: 'persistence-spec', onError: (e) => errors.push(e) })).rejects.toThrow();
    expect(errors.length).toBeGreaterThan(0);
  });

  it('fails commands at once while Redis is unreachable, then reconnects by itself', async () => {
    await relay.open();
    const port = relay.port;
    sut = await connectRedis(relay.url(), { name: 'persistence-spec', onError: () => undefined });
    await relay.cut();
    await new Promise((r) => setTimeout(r, 50));

    const started = Date.now();
    await expect(sut.ping()).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(500);

    await relay.open(port);
    const deadline = Date.now() + 10_000;
    while (!sut.isReady && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await expect(pingRedis(sut)).resolves.toBeUndefined();
  });
});
