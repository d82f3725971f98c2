import { Admin, Kafka } from 'kafkajs';
import { sleep } from './http';

/** Messages of `topic` not yet committed by `groupId`. */
async function lagOf(admin: Admin, groupId: string, topic: string): Promise<number> {
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const high = await admin.fetchTopicOffsets(topic);
  return high.reduce((sum, h) => {
    const c = Number(committed?.partitions.find((p) => p.partition === h.partition)?.offset ?? -1);
    return sum + Math.max(0, Number(h.high) - (c < 0 ? Number(h.low) : c));
  }, 0);
}

/**
 * Waits until every (group, topic) has consumed what was produced, so the next scenario starts from
 * a quiet system instead of measuring the previous one's backlog. Returns the seconds it took.
 */
export async function waitForDrain(kafka: Kafka, pairs: [groupId: string, topic: string][], timeoutMs = 180_000): Promise<number> {
  const started = Date.now();
  const admin = kafka.admin();
  await admin.connect();
  try {
    while (Date.now() - started < timeoutMs) {
      const lags = await Promise.all(pairs.map(([g, t]) => lagOf(admin, g, t)));
      if (lags.every((l) => l === 0)) return (Date.now() - started) / 1000;
      await sleep(500);
    }
  } finally {
    await admin.disconnect();
  }
  throw new Error(`consumers did not drain within ${timeoutMs / 1000} s`);
}

/**
 * Waits until no running consumer group of the environment (`<groupPrefix>.*`, with members) has
 * anything left to consume on any topic it commits, so a scenario does not measure the backlog other
 * consumers of the previous one (projections, webhooks, audit) are still working through. Groups
 * without members are skipped: an app that is not running puts no load on the machine.
 */
export async function waitForQuiet(kafka: Kafka, groupPrefix: string, timeoutMs = 180_000): Promise<number> {
  const started = Date.now();
  const admin = kafka.admin();
  await admin.connect();
  try {
    while (Date.now() - started < timeoutMs) {
      const { groups } = await admin.listGroups();
      const ours = groups.map((g) => g.groupId).filter((id) => id.startsWith(`${groupPrefix}.`));
      const described = ours.length > 0 ? (await admin.describeGroups(ours)).groups : [];
      const running = described.filter((g) => g.members.length > 0).map((g) => g.groupId);
      const lags = await Promise.all(running.map((groupId) => groupLag(admin, groupId)));
      if (lags.every((l) => l === 0)) return (Date.now() - started) / 1000;
      await sleep(500);
    }
  } finally {
    await admin.disconnect();
  }
  throw new Error(`the environment's consumers did not go quiet within ${timeoutMs / 1000} s`);
}

async function groupLag(admin: Admin, groupId: string): Promise<number> {
  const committed = await admin.fetchOffsets({ groupId });
  const lags = await Promise.all(committed.map(async ({ topic }) => lagOf(admin, groupId, topic)));
  return lags.reduce((a, b) => a + b, 0);
}
