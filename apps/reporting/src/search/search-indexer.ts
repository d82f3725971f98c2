import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CommonConfig } from '@labflow/platform/config';
import { WakeableSleep } from '@labflow/platform/kafka';
import { gaugesFromOneRead, registeredMetric } from '@labflow/platform/observability';
import { APP_CONFIG } from '@labflow/platform/service';
import { SCHEMA } from '../migrations';
import { LabReportIndex } from './lab-report-index';
import { SEARCH_CHANNEL } from './search-queue';

const BATCH = 200;

interface PendingRow { lab_report_id: number; lab_id: number; version: string }

/**
 * Keeps the lab-report search index up to date from `search_pending` (SearchQueue): woken by the
 * marking transaction's NOTIFY, it re-indexes up to BATCH reports in one Elasticsearch bulk per lab
 * and removes the marks it covered (a report marked again meanwhile stays marked). One instance
 * indexes at a time (advisory lock). While Elasticsearch is down the marks wait; nothing is lost.
 */
@Injectable()
export class SearchIndexer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SearchIndexer.name);
  private readonly idle = new WakeableSleep();
  private client: Client | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  lastError: string | null = null;
  indexed = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: CommonConfig,
    private readonly index: LabReportIndex,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    if (!registeredMetric('labflow_search_pending')) {
      gaugesFromOneRead({
        count: { name: 'labflow_search_pending', help: 'Lab reports waiting to be re-indexed in Elasticsearch' },
        oldestAgeSeconds: { name: 'labflow_search_pending_oldest_age_seconds', help: 'Age of the oldest mark waiting for the search index' },
      }, () => this.pending());
    }
    this.running = true;
    this.loop = this.runForever();
  }

  async onApplicationShutdown(): Promise<void> {
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
        const [{ locked }] = (await client.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [`${SCHEMA}.search_pending`])).rows;
        if (!locked) {
          await this.idle.sleep(1000); // another instance indexes; stand by
          continue;
        }
        await client.query(`LISTEN "${SEARCH_CHANNEL}"`);
        while (this.running) {
          const done = await this.indexBatch(client);
          this.lastError = null;
          failures = 0;
          if (done === 0) await this.idle.sleep(1000);
        }
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        if (failures++ % 10 === 0) this.logger.warn(`search indexing paused: ${this.lastError}`);
        await this.closeClient();
        await this.idle.sleep(Math.min(5000, 500 * failures));
      }
    }
  }

  /** Marks waiting and the age of the oldest (metrics; an Elasticsearch outage shows here). */
  async pending(): Promise<{ count: number; oldestAgeSeconds: number }> {
    const [row]: { count: number; age: number | null }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count, extract(epoch FROM now() - min(marked_at))::float8 AS age FROM "${SCHEMA}".search_pending`,
    );
    return { count: row.count, oldestAgeSeconds: row.age ?? 0 };
  }

  private async indexBatch(client: Client): Promise<number> {
    const { rows } = await client.query<PendingRow>(
      `SELECT lab_report_id, lab_id, version FROM "${SCHEMA}".search_pending ORDER BY marked_at LIMIT $1`, [BATCH],
    );
    if (rows.length === 0) return 0;
    const byLab = new Map<number, number[]>();
    for (const r of rows) byLab.set(r.lab_id, [...(byLab.get(r.lab_id) ?? []), r.lab_report_id]);
    for (const [labId, ids] of byLab) await this.index.reindex(labId, ids);
    await client.query(
      `DELETE FROM "${SCHEMA}".search_pending p USING unnest($1::int[], $2::bigint[]) AS done(id, version)
       WHERE p.lab_report_id = done.id AND p.version = done.version`,
      [rows.map((r) => r.lab_report_id), rows.map((r) => r.version)],
    );
    this.indexed += rows.length;
    return rows.length;
  }

  private async connect(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({ connectionString: this.config.POSTGRES_URL, connectionTimeoutMillis: 3000, application_name: 'labflow-reporting-search' });
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
