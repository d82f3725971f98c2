/**
 * Read-your-writes (docs/architecture.md "Read your writes"): an event a write committed to its
 * outbox, named by topic and envelope id. A write's reply lists them; a later command that carries
 * them is served only once the serving app has applied those of its topics (or after a bound).
 */
export interface WrittenEvent {
  topic: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOPIC = /^[a-z][a-z0-9._-]{0,99}$/;

/** The most events one token (and one command's `awaits`) may name: more is a client's mistake. */
export const MAX_AWAITED_EVENTS = 200;

export function isWrittenEvent(value: unknown): value is WrittenEvent {
  if (typeof value !== 'object' || value === null) return false;
  const { topic, id } = value as Record<string, unknown>;
  return typeof topic === 'string' && TOPIC.test(topic) && typeof id === 'string' && UUID.test(id);
}
