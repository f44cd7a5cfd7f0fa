import type { RepeatHistory } from './bgnbd';
import { digamma, lnGamma } from './special-functions';

// Bound once: under Jest's vm context every lookup of the global `Math` is slow.
const { exp, log, log1p } = Math;

/**
 * Customers compiled for fast likelihood evaluations: those with the same (x, tₓ, T) form one
 * group with a count (at day granularity most x = 0 customers of a cohort, and many more, are
 * duplicates), and ln(α+T), ln(α+tₓ) and the gamma functions are computed once per distinct
 * value, not per customer. What is left per group is one exp and one log1p.
 */
export type BgNbdSample = {
  readonly customers: number;
  readonly xs: Float64Array;
  readonly xCounts: Float64Array;
  readonly Ts: Float64Array;
  readonly txs: Float64Array;
  readonly groupX: Int32Array;
  readonly groupT: Int32Array;
  /** −1 when x = 0, where tₓ plays no part. */
  readonly groupTx: Int32Array;
  readonly groupCounts: Float64Array;
  /** Work space, reused by every evaluation so the hot loop allocates nothing. */
  readonly scratch: {
    readonly logT: Float64Array;
    readonly invT: Float64Array;
    readonly logTx: Float64Array;
    readonly invTx: Float64Array;
    readonly rx: Float64Array;
    readonly logOdds: Float64Array;
    readonly invBx: Float64Array;
    readonly dropWeight: Float64Array;
  };
};

const indexer = () => {
  const index = new Map<number, number>();
  const values: number[] = [];
  return {
    values,
    of: (value: number): number => {
      let i = index.get(value);
      if (i === undefined) index.set(value, (i = values.push(value) - 1));
      return i;
    },
  };
};

const isValid = ({ x, tx, T }: RepeatHistory): boolean =>
  Number.isInteger(x) &&
  x >= 0 &&
  Number.isFinite(T) &&
  (x === 0 ? T >= 0 : Number.isFinite(tx) && tx >= 0 && tx <= T);

export const compileBgNbdSample = (customers: readonly RepeatHistory[]): BgNbdSample => {
  const xIndex = indexer();
  const tIndex = indexer();
  const txIndex = indexer();
  const keys = new Int32Array(customers.length * 3);
  customers.forEach((customer, i) => {
    if (!isValid(customer))
      throw new RangeError(
        `a BG/NBD customer needs an integer x >= 0 and 0 <= tx <= T (got x = ${customer.x}, tx = ${customer.tx}, T = ${customer.T})`,
      );
    keys[3 * i] = xIndex.of(customer.x);
    keys[3 * i + 1] = tIndex.of(customer.T);
    keys[3 * i + 2] = customer.x === 0 ? -1 : txIndex.of(customer.tx);
  });
  const xCounts = new Float64Array(xIndex.values.length);
  // (x, T) → tₓ → group; the first key stays below 2⁵³ for any sample that fits in memory.
  const groups = new Map<number, Map<number, number>>();
  const groupX: number[] = [];
  const groupT: number[] = [];
  const groupTx: number[] = [];
  const groupCounts: number[] = [];
  const nT = tIndex.values.length;
  const nTx = txIndex.values.length;
  for (let i = 0; i < customers.length; i++) {
    const x = keys[3 * i] ?? 0;
    const t = keys[3 * i + 1] ?? 0;
    const tx = keys[3 * i + 2] ?? 0;
    xCounts[x] = (xCounts[x] ?? 0) + 1;
    let byTx = groups.get(x * nT + t);
    if (!byTx) groups.set(x * nT + t, (byTx = new Map<number, number>()));
    const group = byTx.get(tx);
    if (group !== undefined) groupCounts[group] = (groupCounts[group] ?? 0) + 1;
    else {
      byTx.set(tx, groupCounts.length);
      groupX.push(x);
      groupT.push(t);
      groupTx.push(tx);
      groupCounts.push(1);
    }
  }
  const nX = xCounts.length;
  return {
    customers: customers.length,
    xs: Float64Array.from(xIndex.values),
    xCounts,
    Ts: Float64Array.from(tIndex.values),
    txs: Float64Array.from(txIndex.values),
    groupX: Int32Array.from(groupX),
    groupT: Int32Array.from(groupT),
    groupTx: Int32Array.from(groupTx),
    groupCounts: Float64Array.from(groupCounts),
    scratch: {
      logT: new Float64Array(nT),
      invT: new Float64Array(nT),
      logTx: new Float64Array(nTx),
      invTx: new Float64Array(nTx),
      rx: new Float64Array(nX),
      logOdds: new Float64Array(nX),
      invBx: new Float64Array(nX),
      dropWeight: new Float64Array(nX),
    },
  };
};

/**
 * Σ ln L (FHL 2005, eq. 6) over the sample at (r, α, a, b) = exp(θ), and its gradient with
 * respect to θ = (ln r, ln α, ln a, ln b), written into `gradient`. With A = (α+T)^−(r+x) and
 * D = δ(x>0)·a/(b+x−1)·(α+tₓ)^−(r+x), w = D/(A+D) (the weight of "dropped out after tₓ"):
 *
 * - ∂/∂r = ψ(r+x) − ψ(r) + ln α − (1−w) ln(α+T) − w ln(α+tₓ)
 * - ∂/∂α = r/α − (r+x)·((1−w)/(α+T) + w/(α+tₓ))
 * - ∂/∂a = ψ(a+b) − ψ(a+b+x) + w/a
 * - ∂/∂b = ψ(a+b) + ψ(b+x) − ψ(b) − ψ(a+b+x) − w/(b+x−1)
 */
export const bgNbdSampleLogLikelihood = (
  sample: BgNbdSample,
  theta: readonly number[],
  gradient: number[],
): number => {
  const r = exp(theta[0] ?? 0);
  const alpha = exp(theta[1] ?? 0);
  const a = exp(theta[2] ?? 0);
  const b = exp(theta[3] ?? 0);
  const { xs, xCounts, Ts, txs, groupX, groupT, groupTx, groupCounts, scratch } = sample;
  const { logT, invT, logTx, invTx, rx, logOdds, invBx, dropWeight } = scratch;
  for (let j = 0; j < Ts.length; j++) {
    const v = alpha + (Ts[j] ?? 0);
    logT[j] = log(v);
    invT[j] = 1 / v;
  }
  for (let j = 0; j < txs.length; j++) {
    const v = alpha + (txs[j] ?? 0);
    logTx[j] = log(v);
    invTx[j] = 1 / v;
  }
  const logAlpha = log(alpha);
  const logA = log(a);
  const lnGammaR = lnGamma(r);
  const lnGammaB = lnGamma(b);
  const lnGammaAB = lnGamma(a + b);
  const psiR = digamma(r);
  const psiB = digamma(b);
  const psiAB = digamma(a + b);
  let total = 0;
  let dr = 0;
  let dAlpha = 0;
  let da = 0;
  let db = 0;
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k] ?? 0;
    const count = xCounts[k] ?? 0;
    rx[k] = r + x;
    dropWeight[k] = 0;
    if (x > 0) {
      logOdds[k] = logA - log(b + x - 1);
      invBx[k] = 1 / (b + x - 1);
    }
    total +=
      count *
      (lnGamma(r + x) -
        lnGammaR +
        r * logAlpha +
        lnGammaAB +
        lnGamma(b + x) -
        lnGammaB -
        lnGamma(a + b + x));
    const psiABX = digamma(a + b + x);
    dr += count * (digamma(r + x) - psiR + logAlpha);
    dAlpha += (count * r) / alpha;
    da += count * (psiAB - psiABX);
    db += count * (psiAB + digamma(b + x) - psiB - psiABX);
  }
  let sumLog = 0;
  let sumInv = 0;
  for (let g = 0; g < groupCounts.length; g++) {
    const k = groupX[g] ?? 0;
    const j = groupT[g] ?? 0;
    const i = groupTx[g] ?? -1;
    const count = groupCounts[g] ?? 0;
    const rxk = rx[k] ?? 0;
    const logAliveT = logT[j] ?? 0;
    const aliveAtT = -rxk * logAliveT;
    if (i < 0) {
      total += count * aliveAtT;
      sumLog += count * logAliveT;
      sumInv += count * rxk * (invT[j] ?? 0);
      continue;
    }
    const logDropTx = logTx[i] ?? 0;
    const dropped = (logOdds[k] ?? 0) - rxk * logDropTx;
    const d = aliveAtT - dropped;
    let w: number;
    if (d > 0) {
      const e = exp(-d);
      total += count * (aliveAtT + log1p(e));
      w = e / (1 + e);
    } else {
      const e = exp(d);
      total += count * (dropped + log1p(e));
      w = 1 / (1 + e);
    }
    sumLog += count * ((1 - w) * logAliveT + w * logDropTx);
    sumInv += count * rxk * ((1 - w) * (invT[j] ?? 0) + w * (invTx[i] ?? 0));
    dropWeight[k] = (dropWeight[k] ?? 0) + count * w;
  }
  dr -= sumLog;
  dAlpha -= sumInv;
  for (let k = 0; k < xs.length; k++) {
    if ((xs[k] ?? 0) === 0) continue;
    const weight = dropWeight[k] ?? 0;
    da += weight / a;
    db -= weight * (invBx[k] ?? 0);
  }
  gradient[0] = r * dr;
  gradient[1] = alpha * dAlpha;
  gradient[2] = a * da;
  gradient[3] = b * db;
  return total;
};
