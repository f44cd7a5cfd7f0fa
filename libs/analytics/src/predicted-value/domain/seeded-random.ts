// Bound once: under Jest's vm context every lookup of the global `Math` is slow.
const { cos, imul, log, sqrt, PI } = Math;

/** A seeded PRNG (mulberry32) and the draws the simulations need; for tests and back-tests. */
export type Random = () => number;

export const seededRandom = (seed: number): Random => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const uniformOpen = (random: Random): number => {
  let u = random();
  while (u === 0) u = random();
  return u;
};

export const standardNormal = (random: Random): number =>
  sqrt(-2 * log(uniformOpen(random))) * cos(2 * PI * random());

export const exponential = (random: Random, rate: number): number =>
  -log(uniformOpen(random)) / rate;

/** Gamma(shape, rate) by Marsaglia & Tsang (2000), boosted for shape < 1. */
export const gamma = (random: Random, shape: number, rate: number): number => {
  if (shape < 1) return gamma(random, shape + 1, rate) * uniformOpen(random) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / sqrt(9 * d);
  for (;;) {
    const z = standardNormal(random);
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    const u = uniformOpen(random);
    if (log(u) < 0.5 * z * z + d - d * v + d * log(v)) return (d * v) / rate;
  }
};

export const beta = (random: Random, a: number, b: number): number => {
  const x = gamma(random, a, 1);
  return x / (x + gamma(random, b, 1));
};
