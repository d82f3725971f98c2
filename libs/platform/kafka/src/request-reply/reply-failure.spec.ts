import { DomainException, isTransientInfraError, UpstreamUnavailableException } from '../errors';
import { replyFailure } from './reply-failure';

describe('replyFailure: what a caller throws for another service\'s failed reply', () => {
  const failed = (status: number, code = 'X', message = 'm') => ({ ok: false as const, status, error: { code, message } });

  it.each([503, 504])('%s is an outage: status and message kept for HTTP, retried (never dead-lettered) by consumers', (status) => {
    const error = replyFailure(failed(status, 'TIMEOUT', 'reporting did not answer in time'));
    expect(error).toBeInstanceOf(UpstreamUnavailableException);
    expect(error).toMatchObject({ status, code: 'TIMEOUT', message: 'reporting did not answer in time' });
    expect(isTransientInfraError(error)).toBe(true);
  });

  it('another server error stays that error and is not an outage', () => {
    const error = replyFailure(failed(500, 'INTERNAL', 'Internal error'));
    expect(error).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(isTransientInfraError(error)).toBe(false);
  });

  it('an unexpected client error becomes 502', () => {
    const error = replyFailure(failed(400, 'VALIDATION_FAILED', 'bad'));
    expect(error).toBeInstanceOf(DomainException);
    expect(error.status).toBe(502);
    expect(isTransientInfraError(error)).toBe(false);
  });
});
