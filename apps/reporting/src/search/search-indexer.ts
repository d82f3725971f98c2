import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CommonConfig } from '@labflow/platform/config';
import { ExclusivePgWorker } from '@labflow/platform/kafka';
import { gaugesFromOneRead, registeredMetric, traceBackgroundWork } from '@labflow/platform/observability';
import { APP_CONFIG } from '@labflow/platform/service';
import { SCHEMA } from '../migrations';
import { LabReportIndex } from './lab-report-index';
import { SEARCH_CHANNEL } from '../lab-reports/search-marks.repository';

const BATCH = 200;

interface PendingRow { lab_report_id: number; lab_id: number; version: string; trace_headers: Record<string, string> }

/**
 * Keeps the lab-report search index up to date from `search_pending` (SearchQueue): woken by the
 * marking transaction's NOTIFY, it re-indexes up to BATCH reports in one Elasticsearch bulk per lab
 * and removes the marks it covered (a report marked again meanwhile stays marked). One instance
 * indexes at a time (advisory lock). While Elasticsearch is down the marks wait; nothing is lost.
 * Each batch is a span (`index lab reports`) linked to the latest change that marked each of its reports.
 */
@Injectable()
export class SearchIndexer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly worker: ExclusivePgWorker;

  constructor(
    @Inject(APP_CONFIG) config: CommonConfig,
    private readonly index: LabReportIndex,
    private readonly dataSource: DataSource,
  ) {
    this.worker = new ExclusivePgWorker({
      name: 'SearchIndexer', postgresUrl: config.POSTGRES_URL, lockKey: `${SCHEMA}.search_pending`,
      channel: SEARCH_CHANNEL, idleWaitMs: 1000, step: (client) => this.indexBatch(client),
    });
  }

  onApplicationBootstrap(): void {
    if (!registeredMetric('labflow_search_pending')) {
      gaugesFromOneRead({
        count: { name: 'labflow_search_pending', help: 'Lab reports waiting to be re-indexed in Elasticsearch' },
        oldestAgeSeconds: { name: 'labflow_search_pending_oldest_age_seconds', help: 'Age of the oldest mark waiting for the search index' },
      }, () => this.pending());
    }
    this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.stop();
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
      `SELECT lab_report_id, lab_id, version, trace_headers FROM "${SCHEMA}".search_pending ORDER BY marked_at LIMIT $1`, [BATCH],
    );
    if (rows.length === 0) return 0;
    const byLab = new Map<number, number[]>();
    for (const r of rows) byLab.set(r.lab_id, [...(byLab.get(r.lab_id) ?? []), r.lab_report_id]);
    // one span per batch, linked to the latest change that marked each report (they belong to many traces)
    await traceBackgroundWork('index lab reports', {
      linkedHeaders: rows.map((r) => r.trace_headers),
      attributes: { 'labflow.search.reports': rows.length, 'labflow.search.labs': byLab.size },
    }, async () => {
      for (const [labId, ids] of byLab) await this.index.reindex(labId, ids);
    });
    await client.query(
      `DELETE FROM "${SCHEMA}".search_pending p USING unnest($1::int[], $2::bigint[]) AS done(id, version)
       WHERE p.lab_report_id = done.id AND p.version = done.version`,
      [rows.map((r) => r.lab_report_id), rows.map((r) => r.version)],
    );
    return rows.length;
  }
}
