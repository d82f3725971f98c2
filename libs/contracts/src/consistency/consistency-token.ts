import { isWrittenEvent, MAX_AWAITED_EVENTS, WrittenEvent } from './written-event';

/**
 * The `X-Consistency-Token` header: the events of one write, as base64url of `topic id` pairs. A
 * client may send back any tokens it received (comma-separated, as HTTP list headers are) to have
 * its next call wait for those writes, whoever made them.
 */
export function encodeConsistencyToken(events: readonly WrittenEvent[]): string {
  return Buffer.from(events.map((e) => `${e.topic} ${e.id}`).join('\n'), 'utf8').toString('base64url');
}

/** The events of a header value; null when any token in it is not one of ours (a 400 for the caller). */
export function decodeConsistencyTokens(header: string): WrittenEvent[] | null {
  const events: WrittenEvent[] = [];
  for (const token of header.split(',').map((t) => t.trim()).filter((t) => t.length > 0)) {
    if (!/^[A-Za-z0-9_-]+$/.test(token)) return null;
    for (const line of Buffer.from(token, 'base64url').toString('utf8').split('\n')) {
      const [topic, id, extra] = line.split(' ');
      const event = { topic, id };
      if (extra !== undefined || !isWrittenEvent(event)) return null;
      events.push(event);
    }
  }
  return events.length > MAX_AWAITED_EVENTS ? null : events;
}
