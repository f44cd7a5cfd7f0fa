import { ConfigError } from '@crm/platform';

/** How deliveries are attempted. Every field has a default; the environment can override it. */
export type WebhookSettings = {
  /** A request that has not answered by then counts as a failed attempt. */
  timeoutMs: number;
  /** Attempts per event (the first one included) before it goes to the dead-letter list. */
  maxAttempts: number;
  /** Delay before the second attempt; it doubles each time (with jitter), up to `backoffMaxMs`. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How often a dispatcher looks for new events, due retries and new endpoints. */
  pollIntervalMs: number;
  /** Streams sent to at once per endpoint (events of one stream always go one at a time). */
  concurrency: number;
  /** Events taken in but not yet delivered, per endpoint; the cursor waits beyond it. */
  maxPending: number;
  /** How long a dispatcher owns an endpoint without renewing its lease. */
  leaseMs: number;
  /** Receivers on loopback (127.0.0.0/8, ::1, localhost) may be registered and reached. */
  allowLoopback: boolean;
  /** Receivers on private networks (10/8, 172.16/12, 192.168/16, fc00::/7) likewise. */
  allowPrivateNetworks: boolean;
};

export const WEBHOOK_SETTINGS = Symbol('WEBHOOK_SETTINGS');

export const defaultWebhookSettings: WebhookSettings = {
  timeoutMs: 5000,
  maxAttempts: 8,
  backoffBaseMs: 10_000,
  backoffMaxMs: 3_600_000,
  pollIntervalMs: 500,
  concurrency: 8,
  maxPending: 500,
  leaseMs: 30_000,
  allowLoopback: false,
  allowPrivateNetworks: false,
};

type Env = Record<string, string | undefined>;

type Switch = 'allowLoopback' | 'allowPrivateNetworks';

const VARIABLES: readonly [Exclude<keyof WebhookSettings, Switch>, string, number, number][] = [
  ['timeoutMs', 'WEBHOOK_TIMEOUT_MS', 10, 120_000],
  ['maxAttempts', 'WEBHOOK_MAX_ATTEMPTS', 1, 100],
  ['backoffBaseMs', 'WEBHOOK_BACKOFF_BASE_MS', 1, 3_600_000],
  ['backoffMaxMs', 'WEBHOOK_BACKOFF_MAX_MS', 1, 86_400_000],
  ['pollIntervalMs', 'WEBHOOK_POLL_INTERVAL_MS', 10, 60_000],
  ['concurrency', 'WEBHOOK_CONCURRENCY', 1, 100],
];

const SWITCHES: readonly [Switch, string][] = [
  ['allowLoopback', 'WEBHOOK_ALLOW_LOOPBACK'],
  ['allowPrivateNetworks', 'WEBHOOK_ALLOW_PRIVATE_NETWORKS'],
];

/**
 * The settings from `WEBHOOK_*` variables over the defaults; one ConfigError lists every bad
 * value. The lease always outlasts several request timeouts, so a busy owner keeps it.
 */
export const loadWebhookSettings = (env: Env = process.env): WebhookSettings => {
  const problems: string[] = [];
  const settings = { ...defaultWebhookSettings };
  for (const [field, name, min, max] of VARIABLES) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name}=${raw}: must be an integer from ${min} to ${max}`);
    } else settings[field] = value;
  }
  for (const [field, name] of SWITCHES) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    if (raw === 'true' || raw === 'false') settings[field] = raw === 'true';
    else problems.push(`${name}=${raw}: must be true or false`);
  }
  if (settings.backoffMaxMs < settings.backoffBaseMs) {
    problems.push('WEBHOOK_BACKOFF_MAX_MS: must not be below WEBHOOK_BACKOFF_BASE_MS');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return withLease(settings);
};

export const withLease = (settings: WebhookSettings): WebhookSettings => ({
  ...settings,
  leaseMs: Math.max(settings.leaseMs, 6 * settings.timeoutMs, 10 * settings.pollIntervalMs),
});
