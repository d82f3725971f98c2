import { Principal } from '@labflow/contracts';
import { VerifiedTokens } from './verified-tokens';

const principal = (sub: string): Principal => ({ sub, labId: 5, loginType: 'lab_user', scopes: ['report:read'], departmentIds: [1] } as unknown as Principal);

describe('VerifiedTokens', () => {
  let now = 1_000_000;
  const tokens = () => new VerifiedTokens({ maxEntries: 2, maxAgeMs: 60_000, now: () => now });
  beforeEach(() => {
    now = 1_000_000;
  });

  it('answers a remembered token until it expires', () => {
    const cache = tokens();
    cache.remember('a', principal('1'), now + 10_000);
    expect(cache.get('a')).toMatchObject({ sub: '1' });
    now += 10_000;
    expect(cache.get('a')).toBeNull();
  });

  it('forgets a token after maxAgeMs even when it expires later', () => {
    const cache = tokens();
    cache.remember('a', principal('1'), now + 3_600_000);
    now += 59_999;
    expect(cache.get('a')).not.toBeNull();
    now += 1;
    expect(cache.get('a')).toBeNull();
  });

  it('does not keep an already expired token, nor an unknown one', () => {
    const cache = tokens();
    cache.remember('a', principal('1'), now - 1);
    expect(cache.get('a')).toBeNull();
    expect(cache.get('b')).toBeNull();
  });

  it('drops the oldest token when full', () => {
    const cache = tokens();
    cache.remember('a', principal('1'), now + 10_000);
    cache.remember('b', principal('2'), now + 10_000);
    cache.remember('c', principal('3'), now + 10_000);
    expect(cache.get('a')).toBeNull();
    expect(cache.get('b')).toMatchObject({ sub: '2' });
    expect(cache.get('c')).toMatchObject({ sub: '3' });
  });

  it('hands out a principal nobody can change', () => {
    const cache = tokens();
    cache.remember('a', principal('1'), now + 10_000);
    const known = cache.get('a') as Principal;
    expect(() => { (known as { labId: number }).labId = 6; }).toThrow();
    expect(() => (known.scopes as string[]).push('admin')).toThrow();
  });
});
