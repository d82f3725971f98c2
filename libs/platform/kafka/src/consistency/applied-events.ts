/** Which of some event ids this app's consumers have applied (their inbox claims): what a consistency wait polls. */
export interface AppliedEvents {
  applied(ids: string[]): Promise<Set<string>>;
}

interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, params?: unknown[]): Promise<any>;
}

/**
 * The inbox of a PostgreSQL-backed app: a consumer claims an event's id in the transaction of its
 * effect, so a claimed id means the effect is committed and readable. Any consumer of the app counts
 * (one handler per topic per app); `inbox_message_id_idx` answers it by id alone.
 */
export class PgAppliedEvents implements AppliedEvents {
  constructor(private readonly db: Queryable, private readonly schema: string) {}

  async applied(ids: string[]): Promise<Set<string>> {
    const rows: { message_id: string }[] = await this.db.query(
      `SELECT DISTINCT message_id FROM "${this.schema}".inbox WHERE message_id = ANY($1::uuid[])`, [ids],
    );
    const found = new Set(rows.map((r) => r.message_id.toLowerCase()));
    return new Set(ids.filter((id) => found.has(id.toLowerCase())));
  }
}
