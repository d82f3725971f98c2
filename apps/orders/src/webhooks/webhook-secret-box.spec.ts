import { randomBytes, randomUUID } from 'node:crypto';
import { WebhookSecretBox } from './webhook-secret-box';
import { newWebhookSecret } from './webhook-signature';

describe('WebhookSecretBox', () => {
  const sut = new WebhookSecretBox(randomBytes(32).toString('base64'));

  it('stores no part of the secret in clear and opens it again for the same endpoint', () => {
    const secret = newWebhookSecret();
    const endpointId = randomUUID();
    const stored = sut.seal(secret, endpointId);
    expect(stored).toMatch(/^enc1:[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(stored).not.toContain(secret.slice('whsec_'.length, 20));
    expect(sut.open(stored, endpointId)).toBe(secret);
    expect(sut.seal(secret, endpointId)).not.toBe(stored); // a fresh IV each time
  });

  it('does not open a secret moved to another endpoint, or with another key', () => {
    const endpointId = randomUUID();
    const stored = sut.seal(newWebhookSecret(), endpointId);
    expect(() => sut.open(stored, randomUUID())).toThrow();
    expect(() => new WebhookSecretBox(randomBytes(32).toString('base64')).open(stored, endpointId)).toThrow();
  });

  it('reads a secret stored in clear before encryption, and refuses a key of the wrong size', () => {
    const clear = newWebhookSecret();
    expect(WebhookSecretBox.isClear(clear)).toBe(true);
    expect(sut.open(clear, randomUUID())).toBe(clear);
    expect(() => new WebhookSecretBox(randomBytes(16).toString('base64'))).toThrow('WEBHOOK_SECRET_KEY must be 32 bytes, base64-encoded');
  });
});
