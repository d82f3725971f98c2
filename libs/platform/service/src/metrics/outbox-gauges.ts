import { OutboxBacklog } from '@labflow/platform/kafka';
import { gaugesFromOneRead } from '@labflow/platform/observability';

/** The outbox's size and the age of its oldest row, both from one backlog query per scrape. */
export function registerOutboxGauges(backlog: () => Promise<OutboxBacklog>): void {
  gaugesFromOneRead({
    count: { name: 'labflow_outbox_backlog', help: 'Outbox rows not yet published' },
    oldestAgeSeconds: { name: 'labflow_outbox_oldest_age_seconds', help: 'Age of the oldest unpublished outbox row' },
  }, async () => {
    const { count, oldestAgeMs } = await backlog();
    return { count, oldestAgeSeconds: oldestAgeMs / 1000 };
  });
}
