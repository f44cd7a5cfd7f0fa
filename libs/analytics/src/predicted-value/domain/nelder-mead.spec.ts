import { nelderMead } from './nelder-mead';

describe('Nelder–Mead', () => {
  it('finds the minimum of a shifted quadratic bowl', () => {
    const sut = nelderMead(
      ([x = 0, y = 0, z = 0]) => (x - 1) ** 2 + 10 * (y + 2) ** 2 + (z - 0.5) ** 2,
      [0, 0, 0],
    );
    expect(sut.converged).toBe(true);
    expect(sut.x[0]).toBeCloseTo(1, 4);
    expect(sut.x[1]).toBeCloseTo(-2, 4);
    expect(sut.x[2]).toBeCloseTo(0.5, 4);
    expect(sut.fx).toBeLessThan(1e-8);
  });

  it('follows the Rosenbrock valley to (1, 1)', () => {
    const sut = nelderMead(([x = 0, y = 0]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2, [-1.2, 1]);
    expect(sut.x[0]).toBeCloseTo(1, 4);
    expect(sut.x[1]).toBeCloseTo(1, 4);
  });

  it('finds the minimum of a four-dimensional Rosenbrock function', () => {
    const rosenbrock = (x: readonly number[]) =>
      x
        .slice(0, -1)
        .reduce((sum, xi, i) => sum + 100 * ((x[i + 1] ?? 0) - xi * xi) ** 2 + (1 - xi) ** 2, 0);
    const sut = nelderMead(rosenbrock, [-1, 0.5, -0.5, 2], { maxEvaluations: 50_000 });
    for (const xi of sut.x) expect(xi).toBeCloseTo(1, 3);
  });

  it('treats a point where the objective is not finite as a bad point, not as a minimum', () => {
    const sut = nelderMead(([x = 0]) => (x < 0 ? NaN : (x - 2) ** 2), [0.1]);
    expect(sut.x[0]).toBeCloseTo(2, 4);
    expect(Number.isFinite(sut.fx)).toBe(true);
  });

  it('reports that it did not converge when the budget runs out', () => {
    const sut = nelderMead(([x = 0, y = 0]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2, [-1.2, 1], {
      maxEvaluations: 20,
    });
    expect(sut.converged).toBe(false);
  });
});
