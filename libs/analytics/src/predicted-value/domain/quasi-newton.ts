import type { Minimum } from './nelder-mead';

// Bound once: under Jest's vm context every lookup of the global `Math` is slow.
const { abs, max, min, sqrt } = Math;

/** Writes ∇f(x) into `gradient` and answers f(x). */
export type ValueAndGradient = (x: readonly number[], gradient: number[]) => number;

export type BfgsOptions = {
  /**
   * Converged when every component of the gradient is at most this in absolute value at the
   * end. The search goes on past it, while f still decreases by more than rounding, to the
   * point a double can resolve (or a thousandth of the tolerance).
   */
  readonly gradientTolerance?: number;
  readonly maxIterations?: number;
  /** Longest step (largest component) tried from a point, so an early step cannot fly off. */
  readonly maxStep?: number;
};

export type BfgsMinimum = Minimum & { readonly iterations: number };

const dot = (u: readonly number[], v: readonly number[]): number => {
  let sum = 0;
  for (let i = 0; i < u.length; i++) sum += (u[i] ?? 0) * (v[i] ?? 0);
  return sum;
};

const maxAbs = (u: readonly number[]): number => u.reduce((m, ui) => max(m, abs(ui)), 0);

const identity = (n: number): number[][] =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

/** H ← (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ, ρ = 1/(yᵀs): the BFGS update of the inverse Hessian. */
const updateInverseHessian = (h: number[][], s: readonly number[], y: readonly number[]) => {
  const n = s.length;
  const rho = 1 / dot(s, y);
  const hy = h.map((row) => dot(row, y));
  const yhy = dot(y, hy);
  for (let i = 0; i < n; i++) {
    const row = h[i] as number[];
    const si = s[i] ?? 0;
    const hyi = hy[i] ?? 0;
    for (let j = 0; j < n; j++) {
      const sj = s[j] ?? 0;
      row[j] =
        (row[j] ?? 0) - rho * (hyi * sj + si * (hy[j] ?? 0)) + (rho * rho * yhy + rho) * si * sj;
    }
  }
};

/**
 * BFGS (Nocedal & Wright, algorithm 6.1) with a backtracking Armijo line search: the inverse
 * Hessian is updated only when the step has positive curvature (sᵀy > 0), which is what keeps
 * it positive definite without a Wolfe search. A point where f or its gradient is not finite is
 * treated as too far, and the step shrinks.
 */
export const bfgs = (
  f: ValueAndGradient,
  x0: readonly number[],
  options: BfgsOptions = {},
): BfgsMinimum => {
  const n = x0.length;
  const tolerance = options.gradientTolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 200;
  const maxStep = options.maxStep ?? 1;
  let x = [...x0];
  let g = new Array<number>(n).fill(0);
  let fx = f(x, g);
  let evaluations = 1;
  const finite = (value: number, gradient: readonly number[]) =>
    Number.isFinite(value) && gradient.every(Number.isFinite);
  if (!finite(fx, g)) return { x, fx, evaluations, iterations: 0, converged: false };
  let h = identity(n);
  let scaled = false;
  let stalled = 0;
  const result = (iterations: number): BfgsMinimum => ({
    x,
    fx,
    evaluations,
    iterations,
    converged: maxAbs(g) <= tolerance,
  });
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (maxAbs(g) <= tolerance * 1e-3) return result(iteration);
    let direction = h.map((row) => -dot(row, g));
    let slope = dot(g, direction);
    if (!(slope < 0)) {
      // Not a descent direction (rounding in H): start again from steepest descent.
      h = identity(n);
      direction = g.map((gi) => -gi);
      slope = dot(g, direction);
    }
    const longest = maxAbs(direction);
    if (longest > maxStep) {
      direction = direction.map((d) => (d * maxStep) / longest);
      slope = dot(g, direction);
    }
    let step = 1;
    let accepted: { x: number[]; fx: number; g: number[] } | null = null;
    for (let tries = 0; tries < 60; tries++) {
      const candidate = x.map((xi, i) => xi + step * (direction[i] ?? 0));
      const gradient = new Array<number>(n).fill(0);
      const value = f(candidate, gradient);
      evaluations++;
      if (finite(value, gradient) && value <= fx + 1e-4 * step * slope) {
        accepted = { x: candidate, fx: value, g: gradient };
        break;
      }
      // Minimum of the quadratic through f(x), f'(x) along d and f(x + step·d), kept in [0.1, 0.5]·step.
      const quadratic = Number.isFinite(value)
        ? (-slope * step * step) / (2 * (value - fx - slope * step))
        : 0;
      step = min(0.5 * step, max(0.1 * step, quadratic));
    }
    // No decrease left to find along a descent direction: as far as doubles can go.
    if (!accepted) return result(iteration);
    // Twice no decrease beyond rounding: f cannot tell nearby points apart any more.
    stalled = fx - accepted.fx <= 4 * Number.EPSILON * abs(fx) ? stalled + 1 : 0;
    const s = accepted.x.map((xi, i) => xi - (x[i] ?? 0));
    const y = accepted.g.map((gi, i) => gi - (g[i] ?? 0));
    const sy = dot(s, y);
    if (sy > 1e-12 * sqrt(dot(s, s) * dot(y, y))) {
      // Before the first update, scale H to the curvature just seen (Nocedal & Wright, eq. 6.20).
      if (!scaled) h = identity(n).map((row) => row.map((v) => (v * sy) / dot(y, y)));
      scaled = true;
      updateInverseHessian(h, s, y);
    }
    x = accepted.x;
    fx = accepted.fx;
    g = accepted.g;
    if (stalled >= 2) return result(iteration + 1);
  }
  return result(maxIterations);
};
