import { RateLimiter } from './rate-limiter';

const aClock = (start = 1_000_000) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

describe('RateLimiter', () => {
  it('allows the limit per window, then says when to retry, then allows again', () => {
    const clock = aClock();
    const sut = new RateLimiter(2, { windowMs: 60_000, now: clock.now });
    expect(sut.take('a')).toEqual({ allowed: true });
    expect(sut.take('a')).toEqual({ allowed: true });
    clock.advance(15_000);
    expect(sut.take('a')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(sut.take('b')).toEqual({ allowed: true });
    clock.advance(45_000);
    expect(sut.take('a')).toEqual({ allowed: true });
  });

  it('keeps a limited caller limited however many new callers arrive', () => {
    const clock = aClock();
    const sut = new RateLimiter(3, { maxCallers: 100, now: clock.now });
    for (let i = 0; i < 4; i += 1) sut.take('real');
    expect(sut.take('real').allowed).toBe(false);
    for (let i = 0; i < 5_100; i += 1) sut.take(`bogus-${i}`);
    expect(sut.tracked).toBe(100);
    expect(sut.take('real').allowed).toBe(false);
  });

  it('puts callers past the table size in one shared window instead of evicting anyone', () => {
    const clock = aClock();
    const sut = new RateLimiter(3, { maxCallers: 2, now: clock.now });
    expect(sut.take('first').allowed).toBe(true);
    expect(sut.take('second').allowed).toBe(true);
    const overflow = ['x', 'y', 'z', 'w'].map((caller) => sut.take(caller).allowed);
    expect(overflow).toEqual([true, true, true, false]);
    expect(sut.take('first').allowed).toBe(true);
    // Once their windows expire, new callers get windows of their own again.
    clock.advance(60_000);
    expect(sut.take('x').allowed).toBe(true);
    expect(sut.tracked).toBe(1);
  });
});
