import { compileGammaGammaSample, gammaGammaSampleLogLikelihood } from './gamma-gamma-likelihood';
import type { FitOptions } from './minimise';
import { minimise } from './minimise';
import { lnGamma } from './special-functions';

/** x ≥ 1 repeat purchases whose mean value is m > 0. */
export type SpendHistory = { readonly x: number; readonly m: number };

export type GammaGammaParams = { readonly p: number; readonly q: number; readonly gamma: number };

export type GammaGammaFit = GammaGammaParams & {
  readonly logLikelihood: number;
  readonly converged: boolean;
};

/** The terms that depend on x only, not on m. */
const countTerm = ({ p, q, gamma }: GammaGammaParams, x: number): number =>
  lnGamma(p * x + q) - lnGamma(p * x) - lnGamma(q) + q * Math.log(gamma) + p * x * Math.log(x);

const spendTerm = ({ p, q, gamma }: GammaGammaParams, { x, m }: SpendHistory): number =>
  (p * x - 1) * Math.log(m) - (p * x + q) * Math.log(gamma + m * x);

/**
 * ln f(m̄ | p, q, γ; x): Fader & Hardie (2013), the density of the mean of x values
 * (each Gamma(p, ν), ν ~ Gamma(q, γ)).
 */
export const gammaGammaLogLikelihood = (params: GammaGammaParams, history: SpendHistory) =>
  countTerm(params, history.x) + spendTerm(params, history);

/** Σ ln f over customers. */
export const gammaGammaTotalLogLikelihood = (
  { p, q, gamma }: GammaGammaParams,
  customers: readonly SpendHistory[],
): number =>
  gammaGammaSampleLogLikelihood(
    compileGammaGammaSample(customers),
    [p, q, gamma].map((v) => Math.log(v)),
    [0, 0, 0],
  );

const paramsOf = ([p = 0, q = 0, gamma = 0]: readonly number[]): GammaGammaParams => ({
  p: Math.exp(p),
  q: Math.exp(q),
  gamma: Math.exp(gamma),
});

/**
 * Maximum likelihood on (ln p, ln q, ln γ), only customers with x ≥ 1 and m > 0: BFGS with the
 * analytic gradient, Nelder–Mead from where it stopped when it does not converge (or alone,
 * with `method: 'nelder-mead'`).
 */
export const fitGammaGamma = (
  customers: readonly SpendHistory[],
  options: FitOptions = {},
): GammaGammaFit => {
  if (customers.length === 0) throw new RangeError('fitGammaGamma needs at least one customer');
  const sample = compileGammaGammaSample(customers);
  const n = sample.customers;
  const meanM = customers.reduce((sum, c) => sum + c.m, 0) / n;
  // γ is on the money scale: start it at the mean spend.
  const start = [0, 0, Math.log(meanM)];
  const objective = (theta: readonly number[], gradient: number[]): number => {
    const total = gammaGammaSampleLogLikelihood(sample, theta, gradient);
    for (let i = 0; i < gradient.length; i++) gradient[i] = -(gradient[i] ?? 0) / n;
    return -total / n;
  };
  const best = minimise(objective, start, options.method ?? 'bfgs');
  return { ...paramsOf(best.x), logLikelihood: -best.fx * n, converged: best.converged };
};

/**
 * E[M | p, q, γ, m̄, x] = (γ + m̄x)p / (px + q − 1), Fader & Hardie (2013). Only meaningful for q > 1
 * (the population mean spend γp/(q−1) is finite); x = 0 gives that population mean.
 */
export const expectedAverageValue = (
  { p, q, gamma }: GammaGammaParams,
  x: number,
  m: number,
): number => {
  if (!(q > 1)) throw new RangeError('expectedAverageValue needs q > 1');
  return ((gamma + m * x) * p) / (p * x + q - 1);
};
