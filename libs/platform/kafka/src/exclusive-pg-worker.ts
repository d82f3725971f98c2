import { Client } from 'pg';
import { BackgroundLoop, RoundResult, STAND_BY } from './background-loop';

export interface ExclusivePgWorkerOptions {
  /** For logs: what the worker does. */
  name: string;
  postgresUrl: string;
  /** Only the instance holding this advisory lock works; the others stand by. */
  lockKey: string;
  /** A NOTIFY on this channel wakes the worker at once. */
  channel: string;
  idleWaitMs: number;
  /** One round of work on the worker's own connection; returns how much it did (0: sleep). */
  step: (client: Client) => Promise<number>;
}

/**
 * A background loop of which one instance of an app works at a time (a session advisory lock),
 * woken by NOTIFY and polling otherwise (outbox relays, the search indexer). A failure (a store or
 * broker outage) drops the connection and retries with backoff; what was not done stays to do.
 */
export class ExclusivePgWorker {
  private readonly loop: BackgroundLoop;
  private client: Client | null = null;
  /** The connection holds the lock and listens on the channel. */
  private holdsLock = false;
  /** The connection broke between rounds: the next round fails with this cause. */
  private brokenBy: Error | null = null;

  constructor(private readonly options: ExclusivePgWorkerOptions) {
    this.loop = new BackgroundLoop({
      name: options.name, idleWaitMs: options.idleWaitMs,
      // an outage of minutes: a few log lines, and a reconnect every 5 s at most
      backoffMs: (failures) => Math.min(5000, 1000 * failures), logEveryFailures: 10,
      afterFailure: () => this.closeClient(),
    }, () => this.round());
  }

  get lastError(): string | null {
    return this.loop.lastError;
  }

  get stalledForMs(): number {
    return this.loop.stalledForMs;
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.closeClient();
  }

  private async round(): Promise<RoundResult> {
    const client = await this.lockedClient();
    if (!client) return STAND_BY;
    return (await this.options.step(client)) > 0 ? 'busy' : 'idle';
  }

  /** The worker's connection once it holds the lock and listens; null while another instance holds it. */
  private async lockedClient(): Promise<Client | null> {
    const client = await this.connect();
    if (this.holdsLock) return client;
    const [{ locked }] = (await client.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [this.options.lockKey])).rows;
    if (!locked) return null;
    await client.query(`LISTEN "${this.options.channel}"`);
    this.holdsLock = true;
    return client;
  }

  private async connect(): Promise<Client> {
    if (this.brokenBy) throw this.brokenBy;
    if (this.client) return this.client;
    const client = new Client({ connectionString: this.options.postgresUrl, connectionTimeoutMillis: 3000 });
    client.on('notification', () => this.loop.wake());
    client.on('error', (e) => {
      if (this.client === client) this.brokenBy = e;
      this.loop.wake();
    });
    await client.connect();
    this.client = client;
    return client;
  }

  private async closeClient(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.holdsLock = false;
    this.brokenBy = null;
    if (client) await client.end().catch(() => undefined);
  }
}
