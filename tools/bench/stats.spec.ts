import { markdownTable, percentile, summarize } from './stats';

describe('bench statistics', () => {
  it('percentile is nearest-rank on sorted latencies', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
    expect(percentile([1, 2, 3], 0)).toBe(1);
  });

  it('summarize sorts, counts and rates', () => {
    const s = summarize([30, 10, 20, 40], 1, 2);
    expect(s).toEqual({ count: 4, errors: 1, seconds: 2, perSecond: 2, p50: 20, p95: 40, p99: 40 });
  });

  it('markdownTable formats integers plainly and fractions to one decimal', () => {
    expect(markdownTable(['a', 'b'], [[1, 2.345], ['x', 3]])).toBe('| a | b |\n| --- | --- |\n| 1 | 2.3 |\n| x | 3 |');
  });
});
