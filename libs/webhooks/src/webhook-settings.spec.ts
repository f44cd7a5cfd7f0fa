import { ConfigError } from '@crm/platform';
import { defaultWebhookSettings, loadWebhookSettings } from './webhook-settings';

describe('webhook settings', () => {
  it('defaults to 8 attempts, a 5 s timeout and exponential backoff from 10 s', () => {
    expect(loadWebhookSettings({})).toMatchObject({
      maxAttempts: 8,
      timeoutMs: 5000,
      backoffBaseMs: 10_000,
    });
  });

  it('reads WEBHOOK_* variables and keeps the lease well above the timeout', () => {
    const sut = loadWebhookSettings({ WEBHOOK_TIMEOUT_MS: '20000', WEBHOOK_MAX_ATTEMPTS: '3' });
    expect(sut).toMatchObject({ timeoutMs: 20_000, maxAttempts: 3 });
    expect(sut.leaseMs).toBeGreaterThanOrEqual(6 * 20_000);
    expect(defaultWebhookSettings.leaseMs).toBe(30_000);
  });

  it('refuses loopback and private receivers unless WEBHOOK_ALLOW_* says otherwise', () => {
    expect(loadWebhookSettings({})).toMatchObject({
      allowLoopback: false,
      allowPrivateNetworks: false,
    });
    expect(
      loadWebhookSettings({
        WEBHOOK_ALLOW_LOOPBACK: 'true',
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      }),
    ).toMatchObject({ allowLoopback: true, allowPrivateNetworks: true });
    expect(() => loadWebhookSettings({ WEBHOOK_ALLOW_LOOPBACK: 'yes' })).toThrow(
      /WEBHOOK_ALLOW_LOOPBACK=yes: must be true or false/,
    );
  });

  it('lists every bad value in one error', () => {
    const load = () =>
      loadWebhookSettings({
        WEBHOOK_TIMEOUT_MS: 'soon',
        WEBHOOK_MAX_ATTEMPTS: '0',
        WEBHOOK_BACKOFF_BASE_MS: '5000',
        WEBHOOK_BACKOFF_MAX_MS: '100',
      });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/WEBHOOK_TIMEOUT_MS=soon[\s\S]*WEBHOOK_MAX_ATTEMPTS=0[\s\S]*BACKOFF_MAX/);
  });
});
