import type { SpendHistory } from './gamma-gamma';
import { digamma, lnGamma } from './special-functions';

// Bound once: under Jest's vm context every lookup of the global `Math` is slow.
const { exp, log } = Math;

/**
 * Customers compiled for fast likelihood evaluations: the same (x, m) counted once, and every
 * term that depends on x only (gamma functions, Σ ln m) computed once per distinct x. What is
 * left per group is one log.
 */
export type GammaGammaSample = {
  readonly customers: number;
  readonly xs: Float64Array;
  readonly xCounts: Float64Array;
  /** Σ ln m over the customers with each x. */
  readonly xSumLogM: Float64Array;
  readonly groupX: Int32Array;
  readonly groupM: Float64Array;
  readonly groupCounts: Float64Array;
  readonly scratch: { readonly sumLogSpend: Float64Array };
};

export const compileGammaGammaSample = (customers: readonly SpendHistory[]): GammaGammaSample => {
  const xIndex = new Map<number, number>();
  const xs: number[] = [];
  const groups = new Map<number, Map<number, number>>();
  const groupX: number[] = [];
  const groupM: number[] = [];
  const groupCounts: number[] = [];
  for (const { x, m } of customers) {
    if (!(Number.isInteger(x) && x >= 1 && m > 0 && Number.isFinite(m)))
      throw new RangeError('fitGammaGamma takes only customers with x >= 1 and m > 0');
    let k = xIndex.get(x);
    if (k === undefined) xIndex.set(x, (k = xs.push(x) - 1));
    let byM = groups.get(k);
    if (!byM) groups.set(k, (byM = new Map<number, number>()));
    const group = byM.get(m);
    if (group !== undefined) groupCounts[group] = (groupCounts[group] ?? 0) + 1;
    else {
      byM.set(m, groupCounts.length);
      groupX.push(k);
      groupM.push(m);
      groupCounts.push(1);
    }
  }
  const xCounts = new Float64Array(xs.length);
  const xSumLogM = new Float64Array(xs.length);
  groupX.forEach((k, g) => {
    const count = groupCounts[g] ?? 0;
    xCounts[k] = (xCounts[k] ?? 0) + count;
    xSumLogM[k] = (xSumLogM[k] ?? 0) + count * log(groupM[g] ?? 1);
  });
  return {
    customers: customers.length,
    xs: Float64Array.from(xs),
    xCounts,
    xSumLogM,
    groupX: Int32Array.from(groupX),
    groupM: Float64Array.from(groupM),
    groupCounts: Float64Array.from(groupCounts),
    scratch: { sumLogSpend: new Float64Array(xs.length) },
  };
};

/**
 * Σ ln f(m | p, q, γ; x) (Fader & Hardie 2013) over the sample at (p, q, γ) = exp(θ), and its
 * gradient with respect to θ = (ln p, ln q, ln γ), written into `gradient`:
 *
 * - ∂/∂p = x·(ψ(px+q) − ψ(px) + ln x + ln m − ln(γ+mx))
 * - ∂/∂q = ψ(px+q) − ψ(q) + ln γ − ln(γ+mx)
 * - ∂/∂γ = q/γ − (px+q)/(γ+mx)
 */
export const gammaGammaSampleLogLikelihood = (
  sample: GammaGammaSample,
  theta: readonly number[],
  gradient: number[],
): number => {
  const p = exp(theta[0] ?? 0);
  const q = exp(theta[1] ?? 0);
  const gamma = exp(theta[2] ?? 0);
  const { xs, xCounts, xSumLogM, groupX, groupM, groupCounts, scratch } = sample;
  const { sumLogSpend } = scratch;
  sumLogSpend.fill(0);
  let sumInv = 0;
  for (let g = 0; g < groupCounts.length; g++) {
    const k = groupX[g] ?? 0;
    const x = xs[k] ?? 0;
    const count = groupCounts[g] ?? 0;
    const spend = gamma + (groupM[g] ?? 0) * x;
    sumLogSpend[k] = (sumLogSpend[k] ?? 0) + count * log(spend);
    sumInv += (count * (p * x + q)) / spend;
  }
  const logGamma = log(gamma);
  const lnGammaQ = lnGamma(q);
  const psiQ = digamma(q);
  let total = 0;
  let dp = 0;
  let dq = 0;
  let dGamma = -sumInv;
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k] ?? 0;
    const count = xCounts[k] ?? 0;
    const sumLogM = xSumLogM[k] ?? 0;
    const sumLog = sumLogSpend[k] ?? 0;
    const px = p * x;
    const logX = log(x);
    total +=
      count * (lnGamma(px + q) - lnGamma(px) - lnGammaQ + q * logGamma + px * logX) +
      (px - 1) * sumLogM -
      (px + q) * sumLog;
    const psiPXQ = digamma(px + q);
    dp += x * (count * (psiPXQ - digamma(px) + logX) + sumLogM - sumLog);
    dq += count * (psiPXQ - psiQ + logGamma) - sumLog;
    dGamma += (count * q) / gamma;
  }
  gradient[0] = p * dp;
  gradient[1] = q * dq;
  gradient[2] = gamma * dGamma;
  return total;
};
