import type {
  BgNbdFit,
  RepeatHistory,
} from '../../libs/analytics/src/predicted-value/domain/bgnbd';
import type {
  GammaGammaFit,
  SpendHistory,
} from '../../libs/analytics/src/predicted-value/domain/gamma-gamma';
import { nelderMead } from '../../libs/analytics/src/predicted-value/domain/nelder-mead';
import {
  lnGamma,
  logSumExp,
} from '../../libs/analytics/src/predicted-value/domain/special-functions';

/**
 * The textbook fit the benchmark compares with: Nelder–Mead on the log-parameters over the
 * sum of every customer's log-likelihood, one customer at a time (no grouping of identical
 * customers, no gradient), the x-only gamma terms cached per distinct x within an evaluation.
 * This is how the domain fitted before BFGS, less the grouping.
 */
export const baselineFitBgNbd = (customers: readonly RepeatHistory[]): BgNbdFit => {
  const n = customers.length;
  const meanT = customers.reduce((sum, c) => sum + c.T, 0) / n;
  const logLikelihood = ([lr = 0, la = 0, lA = 0, lb = 0]: readonly number[]) => {
    const [r, alpha, a, b] = [lr, la, lA, lb].map(Math.exp) as [number, number, number, number];
    const common = new Map<number, number>();
    let sum = 0;
    for (const { x, tx, T } of customers) {
      let c = common.get(x);
      if (c === undefined) {
        c =
          lnGamma(r + x) -
          lnGamma(r) +
          r * Math.log(alpha) +
          lnGamma(a + b) +
          lnGamma(b + x) -
          lnGamma(b) -
          lnGamma(a + b + x);
        common.set(x, c);
      }
      const alive = -(r + x) * Math.log(alpha + T);
      const dropped =
        x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : -Infinity;
      sum += c + logSumExp(alive, dropped);
    }
    return sum;
  };
  const best = nelderMead((theta) => -logLikelihood(theta) / n, [0, Math.log(meanT), 0, 0], {
    fTolerance: 1e-12,
    xTolerance: 1e-7,
  });
  const [r = 0, alpha = 0, a = 0, b = 0] = best.x.map(Math.exp);
  return { r, alpha, a, b, logLikelihood: -best.fx * n, converged: best.converged };
};

export const baselineFitGammaGamma = (customers: readonly SpendHistory[]): GammaGammaFit => {
  const n = customers.length;
  const meanM = customers.reduce((sum, c) => sum + c.m, 0) / n;
  const logLikelihood = ([lp = 0, lq = 0, lg = 0]: readonly number[]) => {
    const [p, q, g] = [lp, lq, lg].map(Math.exp) as [number, number, number];
    const common = new Map<number, number>();
    let sum = 0;
    for (const { x, m } of customers) {
      let c = common.get(x);
      if (c === undefined) {
        c =
          lnGamma(p * x + q) - lnGamma(p * x) - lnGamma(q) + q * Math.log(g) + p * x * Math.log(x);
        common.set(x, c);
      }
      sum += c + (p * x - 1) * Math.log(m) - (p * x + q) * Math.log(g + m * x);
    }
    return sum;
  };
  const best = nelderMead((theta) => -logLikelihood(theta) / n, [0, 0, Math.log(meanM)], {
    fTolerance: 1e-12,
    xTolerance: 1e-7,
  });
  const [p = 0, q = 0, gamma = 0] = best.x.map(Math.exp);
  return { p, q, gamma, logLikelihood: -best.fx * n, converged: best.converged };
};
