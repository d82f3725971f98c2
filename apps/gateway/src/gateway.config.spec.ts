import { ConfigError, loadConfig } from '@labflow/platform/config';
import { DEVELOPMENT_JWT_SECRET, GatewayConfig } from './gateway.config';

const JWKS = 'https://login.example-lab.test/.well-known/jwks.json';

describe('GatewayConfig', () => {
  it('takes the development secret outside production', () => {
    expect(loadConfig('gateway', GatewayConfig, { NODE_ENV: 'development' }).JWT_SECRET).toBe(DEVELOPMENT_JWT_SECRET);
    expect(loadConfig('gateway', GatewayConfig, { NODE_ENV: 'test' }).JWKS_URL).toBe('');
  });

  it('refuses to start in production with the development secret and without a JWKS URL', () => {
    const start = () => loadConfig('gateway', GatewayConfig, { NODE_ENV: 'production' });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/JWT_SECRET is the public development secret, which anyone can sign tokens with: not in production/);
    expect(start).toThrow(/JWKS_URL must be the URL of the identity provider's keys when NODE_ENV=production/);
  });

  it('refuses a secret of its own in production without a JWKS URL (HS256 is for development and tests)', () => {
    expect(() => loadConfig('gateway', GatewayConfig, { NODE_ENV: 'production', JWT_SECRET: 'a-secret-nobody-else-has-0123456789' }))
      .toThrow(/JWKS_URL must be the URL/);
  });

  it('starts in production with a JWKS URL (the secret then verifies nothing)', () => {
    const config = loadConfig('gateway', GatewayConfig, { NODE_ENV: 'production', JWKS_URL: JWKS });
    expect(config.JWKS_URL).toBe(JWKS);
  });

  it('still checks the secret length and the JWKS URL shape', () => {
    expect(() => loadConfig('gateway', GatewayConfig, { JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be longer than or equal to 16/);
    expect(() => loadConfig('gateway', GatewayConfig, { JWKS_URL: 'not a url' })).toThrow(/JWKS_URL must be the URL/);
  });
});
