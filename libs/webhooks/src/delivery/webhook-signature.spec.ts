import { createHmac } from 'node:crypto';
import { newWebhookSecret, signWebhook, verifyWebhook, webhookHeaders } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"id":"e1"}';
  const now = 1_760_000_000_000;

  it('signs "<timestamp>.<body>" with HMAC-SHA256 under the secret, as v1=<hex>', () => {
    const expected = createHmac('sha256', secret).update(`1760000000.${body}`).digest('hex');
    expect(signWebhook(secret, 1_760_000_000, body)).toBe(`v1=${expected}`);
  });

  it('sends the event id, the unix timestamp in seconds and the signature as headers', () => {
    const sut = webhookHeaders(secret, 'e1', body, now + 999);
    expect(sut).toMatchObject({
      'webhook-id': 'e1',
      'webhook-timestamp': '1760000000',
      'webhook-signature': signWebhook(secret, 1_760_000_000, body),
    });
  });

  it('verifies what it signed, within the tolerance', () => {
    const headers = webhookHeaders(secret, 'e1', body, now);
    const verify = (overrides: Partial<Parameters<typeof verifyWebhook>[0]>) =>
      verifyWebhook({
        secret,
        body,
        timestamp: headers['webhook-timestamp'],
        signature: headers['webhook-signature'],
        nowMs: now,
        ...overrides,
      });
    expect(verify({})).toBe(true);
    expect(verify({ body: '{"id":"e2"}' })).toBe(false);
    expect(verify({ secret: 'whsec_other' })).toBe(false);
    expect(verify({ nowMs: now + 301_000 })).toBe(false);
    expect(verify({ timestamp: undefined })).toBe(false);
    expect(verify({ signature: `v1=00 ${headers['webhook-signature']}` })).toBe(true);
  });

  it('makes a different 256-bit secret each time', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});
