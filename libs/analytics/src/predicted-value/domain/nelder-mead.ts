export type Minimum = {
  readonly x: readonly number[];
  readonly fx: number;
  readonly evaluations: number;
  readonly converged: boolean;
};

export type NelderMeadOptions = {
  readonly step?: number;
  readonly fTolerance?: number;
  readonly xTolerance?: number;
  readonly maxEvaluations?: number;
};

type Vertex = { x: number[]; fx: number };

const orInfinity = (f: (x: readonly number[]) => number) => (x: readonly number[]) => {
  const value = f(x);
  // An objective that is not finite (overflow, a parameter out of range) is a bad point, not an error.
  return Number.isFinite(value) ? value : Infinity;
};

const combine = (p: readonly number[], q: readonly number[], t: number): number[] =>
  p.map((pi, i) => pi + t * ((q[i] ?? 0) - pi));

const simplexAround = (
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  step: number,
) => {
  const vertices: Vertex[] = [{ x: [...x0], fx: f(x0) }];
  for (let i = 0; i < x0.length; i++) {
    const x = [...x0];
    x[i] = (x[i] ?? 0) + step;
    vertices.push({ x, fx: f(x) });
  }
  return vertices;
};

const runOnce = (
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  step: number,
  fTolerance: number,
  xTolerance: number,
  budget: number,
): Minimum => {
  const n = x0.length;
  const simplex = simplexAround(f, x0, step);
  let evaluations = n + 1;
  const at = (x: number[]): Vertex => {
    evaluations++;
    return { x, fx: f(x) };
  };
  while (evaluations < budget) {
    simplex.sort((u, v) => u.fx - v.fx);
    const best = simplex[0] as Vertex;
    const worst = simplex[n] as Vertex;
    const secondWorst = simplex[n - 1] as Vertex;
    const spread = Math.max(
      ...simplex.map((v) => Math.max(...v.x.map((xi, i) => Math.abs(xi - (best.x[i] ?? 0))))),
    );
    if (Math.abs(worst.fx - best.fx) <= fTolerance && spread <= xTolerance)
      return { x: best.x, fx: best.fx, evaluations, converged: true };
    const centroid = Array.from(
      { length: n },
      (_, i) => simplex.slice(0, n).reduce((sum, v) => sum + (v.x[i] ?? 0), 0) / n,
    );
    const reflected = at(combine(centroid, worst.x, -1));
    if (reflected.fx < best.fx) {
      const expanded = at(combine(centroid, worst.x, -2));
      simplex[n] = expanded.fx < reflected.fx ? expanded : reflected;
    } else if (reflected.fx < secondWorst.fx) {
      simplex[n] = reflected;
    } else {
      const outside = reflected.fx < worst.fx;
      const contracted = at(combine(centroid, worst.x, outside ? -0.5 : 0.5));
      if (contracted.fx < (outside ? reflected.fx : worst.fx)) {
        simplex[n] = contracted;
      } else {
        for (let i = 1; i <= n; i++)
          simplex[i] = at(combine(best.x, (simplex[i] as Vertex).x, 0.5));
      }
    }
  }
  simplex.sort((u, v) => u.fx - v.fx);
  const best = simplex[0] as Vertex;
  return { x: best.x, fx: best.fx, evaluations, converged: false };
};

/** Nelder–Mead simplex minimisation (reflection 1, expansion 2, contraction ½, shrink ½). */
export const nelderMead = (
  objective: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): Minimum =>
  runOnce(
    orInfinity(objective),
    x0,
    options.step ?? 0.5,
    options.fTolerance ?? 1e-10,
    options.xTolerance ?? 1e-8,
    options.maxEvaluations ?? 20_000,
  );
