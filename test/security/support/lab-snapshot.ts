import { MongoClient } from 'mongodb';
import { Client } from 'pg';
import { closeRedis, connectRedis, RedisClient } from '@labflow/platform/persistence';
import { eventually } from '@labflow/testing';

export type Snapshot = Record<string, unknown>;

/**
 * Everything the stores hold for one lab, read straight from them (never written): every
 * PostgreSQL table with a lab_id column, the events of the lab in every outbox, every document
 * collection's documents of the lab, the lab's Redis keys and its search documents. Two equal
 * snapshots mean nothing of the lab changed, whichever app would have changed it.
 */
export class LabSnapshots {
  private constructor(private readonly pg: Client, private readonly mongo: MongoClient, private readonly redis: RedisClient) {}

  static async open(): Promise<LabSnapshots> {
    const pg = new Client({ connectionString: process.env.POSTGRES_URL });
    await pg.connect();
    const mongo = await new MongoClient(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/labflow').connect();
    const redis = await connectRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { name: 'security-snapshots' });
    return new LabSnapshots(pg, mongo, redis);
  }

  async close(): Promise<void> {
    await this.pg.end();
    await this.mongo.close();
    closeRedis(this.redis);
  }

  async of(labId: number): Promise<Snapshot> {
    const snapshot: Snapshot = {};
    const { rows: tables } = await this.pg.query<{ t: string; outbox: boolean }>(
      `SELECT format('%I.%I', table_schema, table_name) AS t, bool_or(column_name = 'envelope') AS outbox
       FROM information_schema.columns
       WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND column_name IN ('lab_id', 'envelope')
       GROUP BY 1 ORDER BY 1`,
    );
    for (const { t, outbox } of tables) {
      // an outbox row's published_at moves when the relay sends it: its envelope is what the lab caused
      const sql = outbox
        ? `SELECT envelope::text AS r FROM ${t} WHERE envelope->>'labId' = $1 ORDER BY 1`
        : `SELECT row_to_json(x)::text AS r FROM ${t} x WHERE lab_id = $1 ORDER BY 1`;
      snapshot[`pg:${t}`] = (await this.pg.query<{ r: string }>(sql, [String(labId)])).rows.map((row) => row.r);
    }
    for (const { name } of await this.mongo.db().listCollections().toArray()) {
      const docs = await this.mongo.db().collection(name).find({ $or: [{ labId }, { lab_id: labId }] }).toArray();
      snapshot[`mongo:${name}`] = docs.map((d) => JSON.stringify(d)).sort();
    }
    for (const key of (await this.redis.keys(`*${labId}*`)).sort()) {
      const type = await this.redis.type(key);
      snapshot[`redis:${key}`] = type === 'hash' ? { ...(await this.redis.hGetAll(key)) } : type === 'string' ? await this.redis.get(key) : type;
    }
    const prefix = process.env.ELASTICSEARCH_INDEX_PREFIX ?? 'labflow';
    const search = await fetch(`${process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200'}/${prefix}-*/_search?size=1000&q=labId:${labId}`);
    const hits = ((await search.json()) as { hits?: { hits: { _index: string; _id: string; _source: unknown }[] } }).hits?.hits ?? [];
    snapshot.search = hits.map((h) => JSON.stringify([h._index, h._id, h._source])).sort();
    return snapshot;
  }

  /** The lab's snapshot once background work (relays, workers, webhook deliveries, indexing) has settled. */
  async settled(labId: number): Promise<Snapshot> {
    let previous = JSON.stringify(await this.of(labId));
    const stable = await eventually(async () => {
      await new Promise((r) => setTimeout(r, 700));
      const current = JSON.stringify(await this.of(labId));
      const same = current === previous;
      previous = current;
      return same ? current : null;
    }, (s) => s !== null, 30_000, 0);
    return JSON.parse(stable as string) as Snapshot;
  }
}

/** Keys whose value differs between two snapshots. */
export function changedKeys(before: Snapshot, after: Snapshot): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)).sort();
}
