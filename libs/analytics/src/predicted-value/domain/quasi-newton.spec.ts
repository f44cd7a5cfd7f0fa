import type { ValueAndGradient } from './quasi-newton';
import { bfgs } from './quasi-newton';

const bowl: ValueAndGradient = ([x = 0, y = 0, z = 0], gradient) => {
  gradient[0] = 2 * (x - 1);
  gradient[1] = 20 * (y + 2);
  gradient[2] = 2 * (z - 0.5);
  return (x - 1) ** 2 + 10 * (y + 2) ** 2 + (z - 0.5) ** 2;
};

const rosenbrock: ValueAndGradient = (x, gradient) => {
  let sum = 0;
  gradient.fill(0);
  for (let i = 0; i + 1 < x.length; i++) {
    const xi = x[i] ?? 0;
    const next = x[i + 1] ?? 0;
    sum += 100 * (next - xi * xi) ** 2 + (1 - xi) ** 2;
    gradient[i] = (gradient[i] ?? 0) - 400 * xi * (next - xi * xi) - 2 * (1 - xi);
    gradient[i + 1] = (gradient[i + 1] ?? 0) + 200 * (next - xi * xi);
  }
  return sum;
};

describe('BFGS', () => {
  it('finds the minimum of a shifted quadratic bowl', () => {
    const sut = bfgs(bowl, [0, 0, 0]);
    expect(sut.converged).toBe(true);
    expect(sut.x[0]).toBeCloseTo(1, 8);
    expect(sut.x[1]).toBeCloseTo(-2, 8);
    expect(sut.x[2]).toBeCloseTo(0.5, 8);
  });

  it('follows the 2-D and 4-D Rosenbrock valleys to (1, …, 1)', () => {
    for (const start of [
      [-1.2, 1],
      [-1, 0.5, -0.5, 2],
    ]) {
      const sut = bfgs(rosenbrock, start, { maxStep: 0.5 });
      expect(sut.converged).toBe(true);
      for (const xi of sut.x) expect(xi).toBeCloseTo(1, 6);
    }
  });

  it('backs off from a point where the objective is not finite', () => {
    // Defined for x > 0 only; the first full step from 0.1 lands at a negative x.
    const sut = bfgs(
      ([x = 0], gradient) => {
        gradient[0] = x > 0 ? 1 - 1 / x : NaN;
        return x > 0 ? x - Math.log(x) : NaN;
      },
      [0.1],
      { maxStep: 10 },
    );
    expect(sut.converged).toBe(true);
    expect(sut.x[0]).toBeCloseTo(1, 6);
  });

  it('reports that it did not converge when the iterations run out', () => {
    const sut = bfgs(rosenbrock, [-1.2, 1], { maxIterations: 3 });
    expect(sut.converged).toBe(false);
    expect(Number.isFinite(sut.fx)).toBe(true);
  });

  it('does not start from a point where the objective is not finite', () => {
    const sut = bfgs(
      (_, gradient) => {
        gradient[0] = NaN;
        return NaN;
      },
      [0],
    );
    expect(sut.converged).toBe(false);
  });
});
