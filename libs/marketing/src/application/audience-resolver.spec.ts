import type { AudienceRule } from '../domain/audience-rule';
import { resolveAudience } from './audience-resolver';
import type { AudienceSource } from './audience-source';

const asOf = new Date('2026-03-01T00:00:00.000Z');
const rule = (overrides: Partial<AudienceRule>): AudienceRule => ({
  tags: null,
  segment: null,
  value: null,
  lastOrder: null,
  ...overrides,
});

const fakeSource = (): AudienceSource & { calls: unknown[][] } => {
  const calls: unknown[][] = [];
  return {
    calls,
    projections: [],
    segmentNames: ['champions'],
    liveCustomerIds: async (tags) => {
      calls.push(['live', tags]);
      return tags ? ['c', 'a', 'b'] : ['a', 'b', 'c', 'd', 'forgotten-not-here'];
    },
    customerIdsInSegment: async (segment, at) => {
      calls.push(['segment', segment, at]);
      return ['b', 'c', 'forgotten'];
    },
    customerIdsByValue: async (range) => {
      calls.push(['value', range]);
      return ['a', 'b', 'c'];
    },
    customerIdsByLastOrder: async (from, to) => {
      calls.push(['lastOrder', from?.toISOString() ?? null, to?.toISOString() ?? null]);
      return ['c', 'd'];
    },
  };
};

describe('resolving an audience rule', () => {
  it('keeps live customers matching every criterion, sorted', async () => {
    const source = fakeSource();
    const audience = await resolveAudience(
      rule({
        tags: { match: 'any', values: ['vip'] },
        segment: 'champions',
        value: { currency: 'EUR', min: 100, max: null },
      }),
      source,
      asOf,
    );
    expect(audience).toEqual(['b', 'c']);
  });

  it('drops customers that are not live even if analytics still has them', async () => {
    const audience = await resolveAudience(rule({ segment: 'champions' }), fakeSource(), asOf);
    expect(audience).toEqual(['b', 'c']);
  });

  it('turns last-order days into an instant range before the launch', async () => {
    const source = fakeSource();
    await resolveAudience(rule({ lastOrder: { minDaysAgo: 30, maxDaysAgo: 90 } }), source, asOf);
    expect(source.calls).toContainEqual([
      'lastOrder',
      '2025-12-01T00:00:00.000Z',
      '2026-01-30T00:00:00.000Z',
    ]);
  });
});
