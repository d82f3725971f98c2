import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { WakeableSleep } from './wakeable-sleep';

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
  private readonly idle = new WakeableSleep();
  private readonly logger: Logger;
  private client: Client | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  lastError: string | null = null;

  constructor(private readonly options: ExclusivePgWorkerOptions) {
    this.logger = new Logger(options.name);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.runForever();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.idle.wake();
    await this.loop;
    await this.closeClient();
  }

  private async runForever(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const client = await this.connect();
        const [{ locked }] = (await client.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [this.options.lockKey])).rows;
        if (!locked) {
          await this.idle.sleep(1000); // another instance works; stand by
          continue;
        }
        await client.query(`LISTEN "${this.options.channel}"`);
        while (this.running) {
          const done = await this.options.step(client);
          this.lastError = null;
          failures = 0;
          if (done === 0) await this.idle.sleep(this.options.idleWaitMs);
        }
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        if (failures++ % 10 === 0) this.logger.warn(`paused: ${this.lastError}`);
        await this.closeClient();
        await this.idle.sleep(Math.min(5000, 1000 * failures));
      }
    }
  }

  private async connect(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({ connectionString: this.options.postgresUrl, connectionTimeoutMillis: 3000 });
    client.on('notification', () => this.idle.wake());
    client.on('error', (e) => {
      this.lastError = e.message;
      this.idle.wake();
    });
    await client.connect();
    this.client = client;
    return client;
  }

  private async closeClient(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
  }
}
