import { byPosition } from './positions';

describe('byPosition', () => {
  it('sorts into log order whatever the gaps between positions', () => {
    const events = [{ position: 9_007_199_254_740_000 }, { position: 3 }, { position: 4_096 }];
    expect([...events].sort(byPosition).map((event) => event.position)).toEqual([
      3, 4_096, 9_007_199_254_740_000,
    ]);
    expect(byPosition({ position: 7 }, { position: 7 })).toBe(0);
  });
});
