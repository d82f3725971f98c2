import { randomBytes } from 'node:crypto';
import { loadConfig } from '@labflow/platform/config';
import { DEVELOPMENT_WEBHOOK_SECRET_KEY, OrdersConfig, webhookUrlPolicy } from './orders.config';

describe('OrdersConfig webhook settings', () => {
  it('allows neither http nor private addresses unless told to', () => {
    expect(webhookUrlPolicy(loadConfig('orders', OrdersConfig, {}))).toEqual({ allowHttp: false, allowPrivateAddresses: false });
    expect(webhookUrlPolicy(loadConfig('orders', OrdersConfig, { WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' })))
      .toEqual({ allowHttp: true, allowPrivateAddresses: true });
  });

  it('refuses the development secret key in production, and a key that is not 32 bytes', () => {
    expect(loadConfig('orders', OrdersConfig, { NODE_ENV: 'development' }).WEBHOOK_SECRET_KEY).toBe(DEVELOPMENT_WEBHOOK_SECRET_KEY);
    expect(() => loadConfig('orders', OrdersConfig, { NODE_ENV: 'production' }))
      .toThrow(/WEBHOOK_SECRET_KEY is the public development key: production sets a key of its own/);
    const own = randomBytes(32).toString('base64');
    expect(loadConfig('orders', OrdersConfig, { NODE_ENV: 'production', WEBHOOK_SECRET_KEY: own }).WEBHOOK_SECRET_KEY).toBe(own);
    expect(() => loadConfig('orders', OrdersConfig, { WEBHOOK_SECRET_KEY: randomBytes(16).toString('base64') }))
      .toThrow(/WEBHOOK_SECRET_KEY must be 32 bytes, base64-encoded/);
  });
});
