import type { WebhookSettings } from '../webhook-settings';

/**
 * Delay before the next attempt, after `failedAttempts` failures: exponential (base · 2^(n-1),
 * capped) with "equal jitter", a random point in the upper half, so endpoints that failed
 * together do not retry in lockstep and no retry comes sooner than half the nominal delay.
 */
export const retryDelayMs = (
  failedAttempts: number,
  settings: Pick<WebhookSettings, 'backoffBaseMs' | 'backoffMaxMs'>,
  random: () => number = Math.random,
): number => {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
  const nominal = Math.min(settings.backoffMaxMs, settings.backoffBaseMs * 2 ** exponent);
  const half = nominal / 2;
  return Math.round(half + random() * half);
};
