import {
  ClientClosedError, ClientOfflineError, ConnectionTimeoutError, DisconnectsClientError, SocketClosedUnexpectedlyError,
} from 'redis';
import { DependencyUnavailableException, DomainException, isTransientInfraError } from './errors';

describe('isTransientInfraError', () => {
  it('treats store and broker outages as transient', () => {
    expect(isTransientInfraError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransientInfraError(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe(true);
    expect(isTransientInfraError(Object.assign(new Error('x'), { name: 'MongoNetworkError' }))).toBe(true);
    expect(isTransientInfraError(new Error('Connection is closed.'))).toBe(true);
    expect(isTransientInfraError(new DependencyUnavailableException('redis'))).toBe(true);
    expect(isTransientInfraError(new Error('query failed', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }))).toBe(true);
    // a bulk write whose socket timed out (seen under load): retried, never dead-lettered
    expect(isTransientInfraError(Object.assign(new Error('connection 96 to 127.0.0.1:27017 timed out'), { name: 'MongoBulkWriteError' }))).toBe(true);
    // node-redis while Redis is unreachable: a command refused (no offline queue) or cut off
    for (const error of [new ClientOfflineError(), new ClientClosedError(), new SocketClosedUnexpectedlyError(),
      new DisconnectsClientError(), new ConnectionTimeoutError()]) {
      expect(isTransientInfraError(error)).toBe(true);
    }
    // FerretDB while its PostgreSQL backend is down
    expect(isTransientInfraError(Object.assign(new Error('failed to connect to `host=127.0.0.1`: dial error'), { name: 'MongoServerError' }))).toBe(true);
  });

  it('treats domain errors and bugs as permanent', () => {
    expect(isTransientInfraError(new DomainException(404, 'NOT_FOUND', 'not found'))).toBe(false);
    expect(isTransientInfraError(new TypeError('cannot read properties of undefined'))).toBe(false);
    expect(isTransientInfraError('a string')).toBe(false);
    expect(isTransientInfraError(Object.assign(new Error('E11000 duplicate key error'), { name: 'MongoBulkWriteError' }))).toBe(false);
  });
});
