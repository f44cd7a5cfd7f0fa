// Bound once: under Jest's vm context every lookup of the global `Math` is slow.
const { exp, log } = Math;

export class HypergeometricDidNotConvergeError extends Error {
  readonly code = 'HYPERGEOMETRIC_DID_NOT_CONVERGE';
}

const MAX_TERMS = 2_000_000;

/**
 * ln ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, the range BG/NBD's eq. 10 uses
 * (z = t / (α + T + t)). Every term of the Gauss series is then positive, so the sum is
 * kept in log space: each term comes from the previous one by its ratio and the running
 * sum is rescaled when a term would dominate it. This is what avoids the "#NUM!" overflow
 * Fader & Hardie describe, where terms were computed one by one from gamma functions.
 */
export const logHyp2F1 = (a: number, b: number, c: number, z: number): number => {
  if (!(a > 0 && b > 0 && c > 0)) throw new RangeError('logHyp2F1 needs a, b, c > 0');
  if (!(z >= 0 && z < 1)) throw new RangeError('logHyp2F1 needs 0 <= z < 1');
  if (z === 0) return 0;
  // sum = e^scale · s, term = e^scale · u
  let scale = 0;
  let s = 1;
  let u = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    u *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    s += u;
    if (s > 1e280) {
      scale += log(s);
      u /= s;
      s = 1;
    }
    // Past the peak the ratio falls below 1 and tends to z, so the tail is at most u·r/(1−r).
    const ratio = ((a + n + 1) * (b + n + 1) * z) / ((c + n + 1) * (n + 2));
    if (ratio < 1 && (u * ratio) / (1 - ratio) <= 1e-16 * s) return scale + log(s);
  }
  throw new HypergeometricDidNotConvergeError(
    `2F1(${a}, ${b}; ${c}; ${z}) did not converge in ${MAX_TERMS} terms`,
  );
};

export const hyp2F1 = (a: number, b: number, c: number, z: number): number =>
  exp(logHyp2F1(a, b, c, z));
