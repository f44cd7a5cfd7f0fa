import { compileBgNbdSample, bgNbdSampleLogLikelihood } from './bgnbd-likelihood';
import { logHyp2F1 } from './hypergeometric';
import type { FitOptions } from './minimise';
import { minimise } from './minimise';
import { lnGamma, logSumExp } from './special-functions';

/** x repeat purchases, the last at tx, observed for T since the first purchase (same unit). */
export type RepeatHistory = { readonly x: number; readonly tx: number; readonly T: number };

export type BgNbdParams = {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
};

export type BgNbdFit = BgNbdParams & {
  readonly logLikelihood: number;
  readonly converged: boolean;
};

/** The terms of eq. 6 that depend on x only, not on tₓ or T. */
const commonTerm = ({ r, alpha, a, b }: BgNbdParams, x: number): number =>
  lnGamma(r + x) -
  lnGamma(r) +
  r * Math.log(alpha) +
  lnGamma(a + b) +
  lnGamma(b + x) -
  lnGamma(b) -
  lnGamma(a + b + x);

const recencyTerm = ({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: RepeatHistory): number => {
  const aliveAtT = -(r + x) * Math.log(alpha + T);
  const diedAfterLast =
    x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : -Infinity;
  return logSumExp(aliveAtT, diedAfterLast);
};

/** ln L(r, α, a, b | x, tₓ, T): Fader, Hardie & Lee (2005), eq. 6. */
export const bgNbdLogLikelihood = (params: BgNbdParams, history: RepeatHistory): number =>
  commonTerm(params, history.x) + recencyTerm(params, history);

const thetaOf = ({ r, alpha, a, b }: BgNbdParams): number[] =>
  [r, alpha, a, b].map((v) => Math.log(v));

export const bgNbdTotalLogLikelihood = (
  params: BgNbdParams,
  customers: readonly RepeatHistory[],
): number => bgNbdSampleLogLikelihood(compileBgNbdSample(customers), thetaOf(params), [0, 0, 0, 0]);

const paramsOf = ([r = 0, alpha = 0, a = 0, b = 0]: readonly number[]): BgNbdParams => ({
  r: Math.exp(r),
  alpha: Math.exp(alpha),
  a: Math.exp(a),
  b: Math.exp(b),
});

export type { FitMethod, FitOptions } from './minimise';

/**
 * Maximum likelihood over all customers, on θ = (ln r, ln α, ln a, ln b): BFGS with the
 * analytic gradient, Nelder–Mead from where it stopped when it does not converge (or alone,
 * with `method: 'nelder-mead'`). Throws a RangeError on an empty or invalid population.
 */
export const fitBgNbd = (
  customers: readonly RepeatHistory[],
  options: FitOptions = {},
): BgNbdFit => {
  if (customers.length === 0) throw new RangeError('fitBgNbd needs at least one customer');
  const sample = compileBgNbdSample(customers);
  const n = sample.customers;
  const meanT = customers.reduce((sum, c) => sum + c.T, 0) / n;
  // α is on the time scale: starting it at the mean T starts the search in a sane region.
  const start = [0, Math.log(Math.max(meanT, 1e-6)), 0, 0];
  // The mean negative log-likelihood per customer, so tolerances do not depend on n.
  const objective = (theta: readonly number[], gradient: number[]): number => {
    const total = bgNbdSampleLogLikelihood(sample, theta, gradient);
    for (let i = 0; i < gradient.length; i++) gradient[i] = -(gradient[i] ?? 0) / n;
    return -total / n;
  };
  const best = minimise(objective, start, options.method ?? 'bfgs');
  return { ...paramsOf(best.x), logLikelihood: -best.fx * n, converged: best.converged };
};

/** ln of the odds term a/(b+x−1)·((α+T)/(α+tₓ))^(r+x), zero-weighted when x = 0. */
const logDeathOdds = ({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: RepeatHistory): number =>
  x > 0
    ? Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx))
    : -Infinity;

/** P(alive | x, tₓ, T) = 1 / (1 + δ(x>0)·a/(b+x−1)·((α+T)/(α+tₓ))^(r+x)) (FHL 2005, section 4). */
export const pAlive = (params: BgNbdParams, x: number, tx: number, T: number): number =>
  Math.exp(-logSumExp(0, logDeathOdds(params, { x, tx, T })));

// Within this distance of a = 1, eq. 10's 0/0 loses every digit to cancellation.
const NEAR_ONE = 1e-4;

/**
 * E[Y(t) | x, tₓ, T], purchases expected in (T, T + t]: eq. 10. The expectation is smooth in
 * a, so near a = 1 it is interpolated between a = 1 ± 1e-4 (error about 1e-8, relative).
 */
export const expectedPurchases = (
  params: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number => {
  const { a } = params;
  if (Math.abs(a - 1) >= NEAR_ONE) return eq10(params, t, x, tx, T);
  const below = eq10({ ...params, a: 1 - NEAR_ONE }, t, x, tx, T);
  const above = eq10({ ...params, a: 1 + NEAR_ONE }, t, x, tx, T);
  return below + ((above - below) * (a - (1 - NEAR_ONE))) / (2 * NEAR_ONE);
};

const eq10 = (params: BgNbdParams, t: number, x: number, tx: number, T: number): number => {
  const { r, alpha, a, b } = params;
  if (t === 0) return 0;
  const z = t / (alpha + T + t);
  // ((α+T)/(α+T+t))^(r+x) · ₂F₁(…), in logs so that neither factor overflows.
  const logProduct = (r + x) * Math.log1p(-z) + logHyp2F1(r + x, b + x, a + b + x - 1, z);
  const numerator = ((a + b + x - 1) / (a - 1)) * -Math.expm1(logProduct);
  return numerator * Math.exp(-logSumExp(0, logDeathOdds(params, { x, tx, T })));
};
