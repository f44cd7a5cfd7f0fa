import { START } from '@eventstore/db-client';
import fc from 'fast-check';
import { toGlobalPosition, toReadPosition, toRevisionNumber } from './eventstoredb-positions';

const esdbPosition = (value: number) => ({ commit: BigInt(value), prepare: BigInt(value) });

describe('EventStoreDB positions', () => {
  it('orders global positions as $all orders its events', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (a, b) => {
        const compare = Math.sign(
          toGlobalPosition(esdbPosition(a)) - toGlobalPosition(esdbPosition(b)),
        );
        expect(compare).toBe(Math.sign(a - b));
      }),
    );
  });

  it('round-trips a global position to the $all position of the same event', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (position) => {
        expect(
          toGlobalPosition(toReadPosition(position) as { commit: bigint; prepare: bigint }),
        ).toBe(position);
      }),
    );
  });

  it('uses the prepare position for records of the older log format whose commit comes later', () => {
    expect(toGlobalPosition({ commit: 900n, prepare: 700n })).toBe(700);
  });

  it('reads from the start of $all for position 0', () => {
    expect(toReadPosition(0)).toBe(START);
  });

  it('refuses positions and revisions beyond Number.MAX_SAFE_INTEGER instead of rounding', () => {
    const beyond = BigInt(Number.MAX_SAFE_INTEGER) + 1n;
    expect(() => toGlobalPosition({ commit: beyond, prepare: beyond })).toThrow(RangeError);
    expect(() => toRevisionNumber(beyond)).toThrow(RangeError);
    expect(toRevisionNumber(41n)).toBe(41);
  });

  it('refuses negative or fractional positions', () => {
    expect(() => toReadPosition(-1)).toThrow(RangeError);
    expect(() => toReadPosition(1.5)).toThrow(RangeError);
  });
});
