/** mulberry32: a small, fast, seeded PRNG, so every run generates the same data. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/**
 * Zipf(s) over n items: item k (0-based rank) has weight 1/(k+1)^s. Ranks are shuffled once
 * with the same seed, so the hot customers are spread over the id space (hot spots), not the
 * first ids created.
 */
export class Zipf {
  private readonly cdf: Float64Array;
  private readonly order: Uint32Array;

  constructor(
    readonly n: number,
    private readonly random: () => number,
    exponent = 1.1,
  ) {
    this.cdf = new Float64Array(n);
    let total = 0;
    for (let k = 0; k < n; k += 1) {
      total += 1 / (k + 1) ** exponent;
      this.cdf[k] = total;
    }
    for (let k = 0; k < n; k += 1) this.cdf[k] = (this.cdf[k] ?? 0) / total;
    this.order = new Uint32Array(n);
    for (let k = 0; k < n; k += 1) this.order[k] = k;
    for (let k = n - 1; k > 0; k -= 1) {
      const j = Math.floor(random() * (k + 1));
      const swap = this.order[k] ?? 0;
      this.order[k] = this.order[j] ?? 0;
      this.order[j] = swap;
    }
  }

  /** An item index in [0, n). */
  next(): number {
    const u = this.random();
    let low = 0;
    let high = this.n - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.cdf[mid] ?? 1) < u) low = mid + 1;
      else high = mid;
    }
    return this.order[low] ?? 0;
  }
}

export const pick = <T>(random: () => number, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

/** A uuid-shaped id derived from the PRNG (v4 layout), so ids repeat across runs. */
export const seededUuid = (random: () => number): string => {
  const hex = (digits: number): string =>
    Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
};
