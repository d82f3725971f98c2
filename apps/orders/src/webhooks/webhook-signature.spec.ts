import { createHmac } from 'node:crypto';
import { newWebhookSecret, signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signature', () => {
  it('is HMAC-SHA256 over id.timestamp.body with the decoded secret, as v1,<base64>', () => {
    const secret = newWebhookSecret();
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update('msg_1.1700000000.{"a":1}').digest('base64');
    expect(signWebhook(secret, 'msg_1', 1700000000, '{"a":1}')).toBe(`v1,${expected}`);
  });

  it('verifies its own signature and refuses a changed body, id or timestamp', () => {
    const secret = newWebhookSecret();
    const sig = signWebhook(secret, 'msg_1', 1700000000, 'body');
    expect(verifyWebhook(secret, 'msg_1', 1700000000, 'body', sig)).toBe(true);
    expect(verifyWebhook(secret, 'msg_1', 1700000000, 'body!', sig)).toBe(false);
    expect(verifyWebhook(secret, 'msg_2', 1700000000, 'body', sig)).toBe(false);
    expect(verifyWebhook(secret, 'msg_1', 1700000001, 'body', sig)).toBe(false);
    expect(verifyWebhook(newWebhookSecret(), 'msg_1', 1700000000, 'body', sig)).toBe(false);
  });
});

describe('webhook signatures during a secret rotation', () => {
  it('a header with both signatures verifies with either secret, one with the new signature only with the new one', () => {
    const [previous, next] = [newWebhookSecret(), newWebhookSecret()];
    const both = [next, previous].map((s) => signWebhook(s, 'msg_1', 1700000000, 'body')).join(' ');
    expect(verifyWebhook(next, 'msg_1', 1700000000, 'body', both)).toBe(true);
    expect(verifyWebhook(previous, 'msg_1', 1700000000, 'body', both)).toBe(true);
    const after = signWebhook(next, 'msg_1', 1700000000, 'body');
    expect(verifyWebhook(next, 'msg_1', 1700000000, 'body', after)).toBe(true);
    expect(verifyWebhook(previous, 'msg_1', 1700000000, 'body', after)).toBe(false);
  });
});
