import { randomUUID } from 'node:crypto';
import { decodeConsistencyTokens, encodeConsistencyToken } from './consistency-token';

describe('consistency tokens', () => {
  const events = [{ topic: 'critical.callout_recorded', id: randomUUID() }, { topic: 'activity.logged', id: randomUUID() }];

  it('round-trips the events of a write, and several tokens joined by commas', () => {
    const token = encodeConsistencyToken(events);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeConsistencyTokens(token)).toEqual(events);
    const other = [{ topic: 'device.data.received', id: randomUUID() }];
    expect(decodeConsistencyTokens(`${token}, ${encodeConsistencyToken(other)}`)).toEqual([...events, ...other]);
  });

  it('refuses what is not one of ours', () => {
    expect(decodeConsistencyTokens('not a token!')).toBeNull();
    expect(decodeConsistencyTokens(Buffer.from('bill.registered 123').toString('base64url'))).toBeNull();
    expect(decodeConsistencyTokens(Buffer.from(`Bad Topic ${randomUUID()}`).toString('base64url'))).toBeNull();
    const tooMany = Array.from({ length: 201 }, () => ({ topic: 'bill.registered', id: randomUUID() }));
    expect(decodeConsistencyTokens(encodeConsistencyToken(tooMany))).toBeNull();
  });
});
