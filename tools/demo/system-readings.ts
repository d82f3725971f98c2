import { Kafka, logLevel } from 'kafkajs';
import { ALL_TOPICS } from '@labflow/contracts';

/**
 * What the running system says about itself: Prometheus text from an app's /metrics, and the high
 * watermarks of the environment's topics. The demo's summary is the difference of two readings, so
 * it shows what this morning did even when the apps or topics already held earlier traffic.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export function parsePrometheus(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]] = pair[2];
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

export async function readMetrics(baseUrl: string): Promise<Sample[]> {
  const res = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(10_000) });
  if (res.status !== 200) throw new Error(`${baseUrl}/metrics answered ${res.status}`);
  return parsePrometheus(await res.text());
}

export function sumOf(samples: Sample[], name: string, where: (labels: Record<string, string>) => boolean = () => true): number {
  return samples.filter((s) => s.name === name && where(s.labels)).reduce((total, s) => total + s.value, 0);
}

/** Cumulative bucket counts (by upper bound) of one histogram, summed over the series `where` keeps. */
export function histogramBuckets(samples: Sample[], name: string, where: (labels: Record<string, string>) => boolean = () => true): Map<number, number> {
  const buckets = new Map<number, number>();
  for (const s of samples) {
    if (s.name !== `${name}_bucket` || !where(s.labels)) continue;
    const le = s.labels.le === '+Inf' ? Infinity : Number(s.labels.le);
    buckets.set(le, (buckets.get(le) ?? 0) + s.value);
  }
  return buckets;
}

export function bucketDelta(after: Map<number, number>, before: Map<number, number>): Map<number, number> {
  return new Map([...after].map(([le, count]) => [le, count - (before.get(le) ?? 0)]));
}

/** Prometheus' histogram_quantile: linear interpolation inside the bucket the rank falls in. */
export function quantile(q: number, buckets: Map<number, number>): number | null {
  const sorted = [...buckets].sort((a, b) => a[0] - b[0]);
  const total = sorted.length ? sorted[sorted.length - 1][1] : 0;
  if (total <= 0) return null;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const [le, count] of sorted) {
    if (count >= rank) {
      if (le === Infinity) return lowerBound;
      return lowerBound + ((le - lowerBound) * (rank - lowerCount)) / Math.max(count - lowerCount, 1e-9);
    }
    lowerBound = le;
    lowerCount = count;
  }
  return lowerBound;
}

/** High watermark (messages ever written) of every domain-event topic of the environment. */
export async function topicWatermarks(brokers: string, prefix: string): Promise<Map<string, number>> {
  const kafka = new Kafka({ clientId: 'labflow-demo', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const marks = new Map<string, number>();
    for (const topic of ALL_TOPICS) {
      const offsets = await admin.fetchTopicOffsets(`${prefix}${topic.name}`);
      marks.set(topic.name, offsets.reduce((total, p) => total + Number(p.high), 0));
    }
    return marks;
  } finally {
    await admin.disconnect();
  }
}
