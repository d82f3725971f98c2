import { gaugesFromOneRead, metricsRegistry } from './metrics';

describe('gaugesFromOneRead', () => {
  it('fills every gauge from one read per scrape', async () => {
    let reads = 0;
    gaugesFromOneRead({
      rows: { name: 'test_shared_rows', help: 'rows' },
      ageSeconds: { name: 'test_shared_age_seconds', help: 'age' },
    }, async () => {
      reads++;
      return { rows: 7 * reads, ageSeconds: 1.5 * reads };
    });
    const first = await metricsRegistry.metrics();
    expect(reads).toBe(1);
    expect(first).toContain('test_shared_rows 7');
    expect(first).toContain('test_shared_age_seconds 1.5');
    const second = await metricsRegistry.metrics();
    expect(reads).toBe(2);
    expect(second).toContain('test_shared_rows 14');
    expect(second).toContain('test_shared_age_seconds 3');
  });
});
