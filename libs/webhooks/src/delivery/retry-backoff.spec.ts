import { retryDelayMs } from './retry-backoff';

describe('retry backoff', () => {
  const settings = { backoffBaseMs: 1000, backoffMaxMs: 60_000 };

  it('doubles the delay after each failure', () => {
    const top = () => 1;
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, settings, top))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
  });

  it('never waits longer than the maximum', () => {
    expect(retryDelayMs(30, settings, () => 1)).toBe(60_000);
    expect(retryDelayMs(1000, settings, () => 1)).toBe(60_000);
  });

  it('jitters within the upper half of the nominal delay', () => {
    expect(retryDelayMs(3, settings, () => 0)).toBe(2000);
    expect(retryDelayMs(3, settings, () => 0.5)).toBe(3000);
    for (let i = 0; i < 200; i += 1) {
      const delay = retryDelayMs(3, settings);
      expect(delay).toBeGreaterThanOrEqual(2000);
      expect(delay).toBeLessThanOrEqual(4000);
    }
  });
});
