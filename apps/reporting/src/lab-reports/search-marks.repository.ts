import { Queryable } from '@labflow/platform/kafka';
import { traceHeaders } from '@labflow/platform/observability';
import { SCHEMA } from '../migrations';

export const SEARCH_CHANNEL = `${SCHEMA}_search`;

/**
 * Marks lab reports for re-indexing inside the caller's transaction: the search index is a
 * projection that follows the commit (SearchIndexer), never part of applying a result, so an
 * Elasticsearch outage delays search but no analyzer result. One round trip, NOTIFY included. Each
 * mark keeps the trace context of the change that made it (a mark made again, of the latest one): the
 * indexing batch's span links to it.
 */
export class SearchMarksRepository {
  constructor(private readonly session: Queryable) {}

  async mark(reports: { labId: number; id: number }[]): Promise<void> {
    if (reports.length === 0) return;
    await this.session.query(
      `WITH marked AS (
         INSERT INTO "${SCHEMA}".search_pending (lab_report_id, lab_id, trace_headers)
         SELECT DISTINCT k.id, k.lab_id, $3::jsonb FROM unnest($1::int[], $2::int[]) AS k(lab_id, id)
         ON CONFLICT (lab_report_id) DO UPDATE SET version = search_pending.version + 1, marked_at = now(), trace_headers = EXCLUDED.trace_headers
         RETURNING 1)
       SELECT pg_notify('${SEARCH_CHANNEL}', '') FROM (SELECT 1 FROM marked LIMIT 1) m`,
      [reports.map((r) => r.labId), reports.map((r) => r.id), JSON.stringify(traceHeaders())],
    );
  }
}
