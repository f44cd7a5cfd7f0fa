/**
 * The demo writes two years of history in minutes, so the app must read a simulated time:
 * every clock in the app (the command runner's `occurredAt`, the service desk's and sales'
 * `at`, the SLA checks) reads `Date`, which this replaces for the demo process only.
 */
export class SimulatedClock {
  private current: number;
  private readonly real = Date;

  constructor(start: number) {
    this.current = start;
  }

  get now(): number {
    return this.current;
  }

  /** Time only moves forward, so the log stays in time order. */
  set(time: number): void {
    this.current = Math.max(this.current, Math.floor(time));
  }

  install(): void {
    const read = (): number => this.current;
    globalThis.Date = new Proxy(this.real, {
      construct: (target, args: unknown[], newTarget: (...a: unknown[]) => object): object =>
        Reflect.construct(target, args.length === 0 ? [read()] : args, newTarget) as object,
      apply: (target) => new target(read()).toString(),
      get: (target, property, receiver) =>
        property === 'now' ? read : (Reflect.get(target, property, receiver) as unknown),
    });
  }

  uninstall(): void {
    globalThis.Date = this.real;
  }
}
