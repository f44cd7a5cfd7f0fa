import type { Minimum } from './nelder-mead';
import { nelderMead } from './nelder-mead';
import type { ValueAndGradient } from './quasi-newton';
import { bfgs } from './quasi-newton';

export type FitMethod = 'bfgs' | 'nelder-mead';

export type FitOptions = {
  /** `bfgs` (the default) falls back to Nelder–Mead from its best point when it does not converge. */
  readonly method?: FitMethod;
};

// Per customer: the objective is a mean, so these do not depend on the number of customers.
const GRADIENT_TOLERANCE = 1e-6;
const SIMPLEX = { fTolerance: 1e-12, xTolerance: 1e-7, maxEvaluations: 20_000 };

/**
 * BFGS with the analytic gradient; when it stops short of a stationary point (a gradient
 * that rounding spoils, a point it cannot leave), Nelder–Mead from the best point seen, which
 * needs no gradient. `nelder-mead` alone is kept for comparison (the benchmark's baseline).
 */
export const minimise = (
  objective: ValueAndGradient,
  start: readonly number[],
  method: FitMethod,
): Minimum => {
  const scratch = new Array<number>(start.length).fill(0);
  const valueOnly = (theta: readonly number[]) => objective(theta, scratch);
  if (method === 'nelder-mead') return nelderMead(valueOnly, start, SIMPLEX);
  const quasiNewton = bfgs(objective, start, { gradientTolerance: GRADIENT_TOLERANCE });
  if (quasiNewton.converged) return quasiNewton;
  const from = Number.isFinite(quasiNewton.fx) ? quasiNewton.x : start;
  const simplex = nelderMead(valueOnly, from, { ...SIMPLEX, step: 0.1 });
  return simplex.fx <= quasiNewton.fx || !Number.isFinite(quasiNewton.fx) ? simplex : quasiNewton;
};
