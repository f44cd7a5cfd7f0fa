export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type RateLimiterOptions = {
  windowMs?: number;
  /** Most callers tracked at once; past it, new callers share one window (nothing is evicted). */
  maxCallers?: number;
  now?: () => number;
};

type Window = { start: number; count: number };

/** New callers past `maxCallers` count here together, so a flood of them cannot evict anyone. */
const OVERFLOW = Symbol('overflow');

/**
 * A fixed window of `limit` requests per caller. A caller's window is only ever dropped once it
 * has expired, so a flood of new callers (bogus keys, spoofed addresses) can neither reset a
 * limited caller nor push out a real one: it only exhausts the shared overflow window.
 */
export class RateLimiter {
  private readonly windows = new Map<string | typeof OVERFLOW, Window>();
  private readonly windowMs: number;
  private readonly maxCallers: number;
  private readonly now: () => number;
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly limit: number,
    options: RateLimiterOptions = {},
  ) {
    this.windowMs = options.windowMs ?? 60_000;
    this.maxCallers = options.maxCallers ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  take(caller: string): RateDecision {
    const now = this.now();
    const window = this.windowOf(caller, now);
    if (now - window.start >= this.windowMs) {
      window.start = now;
      window.count = 0;
    }
    window.count += 1;
    if (window.count <= this.limit) return { allowed: true };
    const retryAfterMs = window.start + this.windowMs - now;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
  }

  /** How many callers have a window of their own (for tests and metrics). */
  get tracked(): number {
    return this.windows.size - (this.windows.has(OVERFLOW) ? 1 : 0);
  }

  private windowOf(caller: string, now: number): Window {
    const own = this.windows.get(caller);
    if (own) return own;
    if (this.windows.size >= this.maxCallers) this.sweep(now);
    const key = this.windows.size >= this.maxCallers ? OVERFLOW : caller;
    let window = this.windows.get(key);
    if (!window) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    return window;
  }

  /** Drops expired windows; at most a few times a window, so a full table costs little. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs / 4) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key);
    }
  }
}
