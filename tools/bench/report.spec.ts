import { IngestRun } from './ingest';
import { RawRun } from './raw-baseline';
import { appliedPerSecond, consistencyTable, goalsTable } from './report';
import { summarize } from './stats';

const stats = (p99: number, seconds = 10) => ({ ...summarize([p99], 0, seconds), p99 });
const run = (rate: number, accepted: number, drainSeconds: number, p99: number): IngestRun => ({
  rate, http: stats(10), accepted, acceptedPerSecond: accepted / 10, resultsPerSecond: accepted, endToEnd: stats(p99), endedAt: 0, drainSeconds,
  tokenReads: { reads: 0, fresh: 0, stale: 0, waitsMs: [] },
});
const raw = (resultsPerSecond: number): RawRun => ({ rate: 0, produce: stats(1), stored: 0, storedPerSecond: 0, resultsPerSecond, endToEnd: stats(1) });

describe('bench goals table', () => {
  it('counts the drain in the applied rate: what was queued is not sustained', () => {
    expect(appliedPerSecond(run(50, 500, 0, 1))).toBe(500); // 500 uploads × 10 results in 10 s
    expect(appliedPerSecond(run(50, 500, 10, 1))).toBe(250);
  });

  it('says met or not met per goal, the latency goal from the 1× and 10× rows (0.5 and 5 panels /s)', () => {
    const table = goalsTable([run(0.5, 5, 0, 200), run(5, 50, 0, 300), run(50, 600, 2, 900)], [raw(5), raw(50), raw(1000)], [{ concurrency: 1, read: stats(90), echo: stats(50) }, { concurrency: 8, read: stats(300), echo: stats(100) }]);
    expect(table).toContain('| ingest ≥ 50% of the raw baseline (applied, every rate) | 50% at the worst rate | met |');
    expect(table).toContain('| ≥ 500 results /s sustained (applied, run + drain) | 500 /s | met |');
    expect(table).toContain('| end-to-end p99 at 10× a large lab ≤ 2× its value at 1× | 300 / 200 ms = 1.50× | met |');
    expect(table).toContain('| gateway round-trip p99 ≤ 2× the bare echo (1 client) | 90 / 50 ms = 1.80× | met |');
    expect(table).toContain('| gateway round-trip p99 ≤ 2× the bare echo (8 clients) | 300 / 100 ms = 3.00× | not met |');
    const slow = goalsTable([run(0.5, 5, 0, 100), run(5, 50, 0, 300)], [raw(5), raw(500)], [{ concurrency: 8, read: stats(120), echo: stats(50) }]);
    expect(slow).toContain('10% at the worst rate | not met');
    expect(slow).toContain('= 3.00× | not met');
    expect(slow).toContain('= 2.40× | not met');
  });

  it('shows how often a token read waited and for how long (only reads that waited count in the percentiles)', () => {
    const measured = { ...run(500, 100, 0, 1), tokenReads: { reads: 10, fresh: 10, stale: 0, waitsMs: [0, 0, 0, 0, 0, 0, 12, 30, 45, 90] } };
    expect(consistencyTable([measured])).toContain('| 500 | 10 | 10 (100%) | 0 | 4 (40%) | 30 | 90 |');
  });
});
