import fc from 'fast-check';
import { InMemoryProjectionContext } from '@crm/eventsourcing';
import { MAX_AMOUNT } from '@crm/sales';
import type { CampaignEvent } from '../../domain/campaign';
import {
  CAMPAIGN_ID,
  cancelled,
  completed,
  converted,
  launched,
  planned,
  recorded,
  responded,
  reversed,
} from '../../testing/campaign-events.factory';
import type { CampaignDocument } from './campaign.document';
import { CAMPAIGNS } from './campaign.document';
import { campaignResults } from './campaign-results';
import { campaignsProjection } from './campaigns.projection';

const fold = async (events: CampaignEvent[]) => {
  const context = await InMemoryProjectionContext.fold(
    [campaignsProjection],
    events.map((event) => recorded(event)),
  );
  const campaign = await context.get<CampaignDocument>(CAMPAIGNS, CAMPAIGN_ID);
  if (!campaign) throw new Error('no campaign document');
  return campaign;
};

/** A pipeline opportunity event as that context publishes it (only what attribution reads). */
const opportunity = (
  type: 'OpportunityOpened' | 'OpportunityWon' | 'OpportunityLost' | 'OpportunityReopened',
  opportunityId: string,
  data: Record<string, unknown> = {},
) =>
  recorded(
    { type, data: { opportunityId, customerId: 'c-1', ...data } },
    `opportunity-${opportunityId}`,
  );

const foldWithOpportunities = async (
  events: CampaignEvent[],
  // Recorded after the campaign's events, so they come later in the log.
  opportunityEvents: () => ReturnType<typeof opportunity>[],
) => {
  const first = events.map((event) => recorded(event));
  const context = await InMemoryProjectionContext.fold(
    [campaignsProjection],
    [...first, ...opportunityEvents()],
  );
  const campaign = await context.get<CampaignDocument>(CAMPAIGNS, CAMPAIGN_ID);
  if (!campaign) throw new Error('no campaign document');
  return campaign;
};

describe('campaigns read model and results', () => {
  it('counts distinct respondents per kind and overall', async () => {
    const campaign = await fold([
      planned(),
      launched(['c-1', 'c-2', 'c-3', 'c-4']),
      responded('c-1', 'opened'),
      responded('c-1', 'opened'),
      responded('c-1', 'clicked'),
      responded('c-2', 'opened'),
      responded('c-3', 'unsubscribed'),
    ]);
    const results = campaignResults(campaign);
    expect(results.responses).toEqual({ opened: 2, clicked: 1, replied: 0, unsubscribed: 1 });
    expect(results.respondents).toBe(3);
    expect(results.responseRate).toBe(0.75);
  });

  it('computes conversions, net revenue and ROI per currency', async () => {
    const campaign = await fold([
      planned(CAMPAIGN_ID, 10_000),
      launched(['c-1', 'c-2', 'c-3']),
      converted('o-1', 8_000),
      converted('o-2', 6_000, { customerId: 'c-2' }),
      converted('o-3', 3_000, { customerId: 'c-3' }),
      converted('o-4', 2_500, { customerId: 'c-3', currency: 'USD' }),
      reversed('o-2', 1_000, false, { customerId: 'c-2' }),
      reversed('o-3', 3_000, true, { customerId: 'c-3' }),
      completed(),
    ]);
    const results = campaignResults(campaign);
    // EUR: o-1 8000 + o-2 (6000 − 1000); o-3 cancelled. (13000 − 10000) / 10000 = 0.3
    expect(results).toMatchObject({
      status: 'completed',
      audienceSize: 3,
      conversions: 3,
      conversionRate: 1,
      cost: { amount: 10_000, currency: 'EUR' },
      byCurrency: [
        {
          currency: 'EUR',
          conversions: 2,
          attributedRevenue: { amount: 13_000, amountExact: '13000', currency: 'EUR' },
          cost: { amount: 10_000, currency: 'EUR' },
          roi: 0.3,
          roiUnavailableReason: null,
        },
        {
          currency: 'USD',
          conversions: 1,
          attributedRevenue: { amount: 2_500, amountExact: '2500', currency: 'USD' },
          cost: { amount: 0, currency: 'USD' },
          roi: null,
          roiUnavailableReason: expect.stringMatching(/cost is in EUR/),
        },
      ],
    });
  });

  describe('with conversions near the money limit (issue 17: revenue past 2^53)', () => {
    const conversion = fc.record({
      amount: fc.integer({ min: MAX_AMOUNT / 2, max: MAX_AMOUNT }),
      refund: fc.integer({ min: 0, max: 100 }),
      cancelled: fc.boolean(),
    });

    it('sums attributed revenue exactly, like an independent BigInt fold, and keeps ROI exact', async () => {
      let pastSafe = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(conversion, { minLength: 30, maxLength: 60, size: 'max' }),
          fc.integer({ min: 1, max: MAX_AMOUNT }),
          async (conversions, cost) => {
            const events: CampaignEvent[] = [planned(CAMPAIGN_ID, cost), launched(['c-1'])];
            let expected = 0n;
            let live = 0;
            conversions.forEach(({ amount, refund, cancelled: gone }, i) => {
              const back = Math.floor((amount / 100) * refund);
              events.push(converted(`o-${i}`, amount));
              if (gone) events.push(reversed(`o-${i}`, amount, true));
              else if (back > 0) events.push(reversed(`o-${i}`, back, false));
              if (!gone) {
                expected += BigInt(amount) - BigInt(back);
                live += 1;
              }
            });
            const [eur] = campaignResults(await fold(events)).byCurrency;
            if (expected > BigInt(Number.MAX_SAFE_INTEGER)) pastSafe += 1;
            expect(eur?.conversions).toBe(live);
            expect(eur?.attributedRevenue).toEqual({
              amount: expected <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(expected) : null,
              amountExact: String(expected),
              currency: 'EUR',
            });
            // ROI × 10^4 is the exact quotient rounded half up (2c·R within c of 2·10^4·(rev − c),
            // ties up); only that 4-decimal result becomes a float.
            const c = BigInt(cost);
            const twice = 2n * 10_000n * (expected - c);
            let scaled = (10_000n * (expected - c)) / c;
            while (2n * c * scaled > twice + c) scaled -= 1n;
            while (2n * c * scaled <= twice - c) scaled += 1n;
            expect(eur?.roi).toBe(Number(scaled) / 10_000);
          },
        ),
        { numRuns: 200 },
      );
      expect(pastSafe).toBeGreaterThan(20);
    });
  });

  it('gives ROI as null with a reason when the cost is 0, and −1 with no revenue', async () => {
    const free = campaignResults(await fold([planned(CAMPAIGN_ID, 0), launched()]));
    expect(free.byCurrency).toEqual([
      expect.objectContaining({
        currency: 'EUR',
        roi: null,
        roiUnavailableReason: expect.stringMatching(/cost is 0/),
      }),
    ]);
    const paid = campaignResults(await fold([planned(CAMPAIGN_ID, 500), launched()]));
    expect(paid.byCurrency[0]?.roi).toBe(-1);
  });

  it('rounds rates and ROI to 4 decimals', async () => {
    const campaign = await fold([
      planned(CAMPAIGN_ID, 3_000),
      launched(['c-1', 'c-2', 'c-3']),
      responded('c-1', 'opened'),
      converted('o-1', 4_000),
    ]);
    const results = campaignResults(campaign);
    expect(results.responseRate).toBe(0.3333);
    expect(results.byCurrency[0]?.roi).toBe(0.3333);
  });

  it('has no rates before launch, saying why', async () => {
    const results = campaignResults(await fold([planned()]));
    expect(results).toMatchObject({
      audienceSize: 0,
      responseRate: null,
      conversionRate: null,
      ratesUnavailableReason: 'the campaign has not been launched',
    });
  });

  it('records the lifecycle on the campaign', async () => {
    const campaign = await fold([planned(), launched(), cancelled()]);
    expect(campaign).toMatchObject({
      status: 'cancelled',
      launchedAt: expect.any(String),
      cancelledAt: expect.any(String),
      attributionEndsAt: expect.any(String),
      audienceSize: 3,
      audienceResolvedAt: 42,
    });
  });

  it('skips an event it already applied, so a replayed batch counts nothing twice', async () => {
    const events = [
      planned(),
      launched(['c-1']),
      responded('c-1', 'opened'),
      converted('o-1', 100),
    ].map((event) => recorded(event));
    const context = new InMemoryProjectionContext();
    for (const event of [...events, ...events.slice(2)]) {
      await campaignsProjection.apply(event, context);
    }
    const results = campaignResults((await context.get<CampaignDocument>(CAMPAIGNS, CAMPAIGN_ID))!);
    expect(results).toMatchObject({ respondents: 1, conversions: 1 });
  });

  describe('the pipeline’s opportunities', () => {
    const eur = (amount: number) => ({ amount, currency: 'EUR' });

    it('credits the opportunities opened with the campaign: open, won, lost, reopened, pipeline revenue', async () => {
      const campaign = await foldWithOpportunities(
        [planned(CAMPAIGN_ID, 10_000), launched(['c-1', 'c-2'])],
        () => [
          opportunity('OpportunityOpened', 'op-1', { campaignId: CAMPAIGN_ID, amount: eur(900) }),
          opportunity('OpportunityOpened', 'op-2', { campaignId: CAMPAIGN_ID, amount: eur(500) }),
          opportunity('OpportunityOpened', 'op-3', { campaignId: CAMPAIGN_ID, amount: eur(300) }),
          opportunity('OpportunityOpened', 'op-4', { campaignId: null, amount: eur(7_000) }),
          opportunity('OpportunityOpened', 'op-5', { campaignId: 'another', amount: eur(70) }),
          opportunity('OpportunityWon', 'op-1', { amount: eur(1_000), orderId: null }),
          opportunity('OpportunityLost', 'op-2', { reason: 'price' }),
          opportunity('OpportunityLost', 'op-3', { reason: 'price' }),
          opportunity('OpportunityReopened', 'op-3'),
          opportunity('OpportunityWon', 'op-4', { amount: eur(7_000), orderId: null }),
          opportunity('OpportunityWon', 'op-5', { amount: eur(70), orderId: null }),
        ],
      );
      expect(campaignResults(campaign).opportunities).toEqual({
        opened: 3,
        open: 1,
        won: 1,
        lost: 1,
        winRate: 0.5,
        pipelineRevenue: [{ amount: 1_000, amountExact: '1000', currency: 'EUR' }],
      });
    });

    it('shows a won deal beside the attributed revenue of its order, never adding the two', async () => {
      const campaign = await foldWithOpportunities(
        [planned(CAMPAIGN_ID, 10_000), launched(['c-1']), converted('o-1', 12_000)],
        () => [
          opportunity('OpportunityOpened', 'op-1', {
            campaignId: CAMPAIGN_ID,
            amount: eur(11_000),
          }),
          opportunity('OpportunityWon', 'op-1', { amount: eur(11_000), orderId: 'o-1' }),
        ],
      );
      const results = campaignResults(campaign);
      expect(results.conversions).toBe(1);
      expect(results.byCurrency[0]).toMatchObject({
        attributedRevenue: { amount: 12_000, amountExact: '12000', currency: 'EUR' },
        roi: 0.2,
      });
      expect(results.opportunities).toMatchObject({
        won: 1,
        pipelineRevenue: [{ amount: 11_000, amountExact: '11000', currency: 'EUR' }],
      });
    });

    it('counts an opportunity event delivered twice once', async () => {
      const campaign = await foldWithOpportunities([planned(CAMPAIGN_ID, 10_000)], () => {
        const opened = opportunity('OpportunityOpened', 'op-1', {
          campaignId: CAMPAIGN_ID,
          amount: eur(900),
        });
        const won = opportunity('OpportunityWon', 'op-1', { amount: eur(900), orderId: null });
        return [opened, opened, won, won];
      });
      expect(campaignResults(campaign).opportunities).toMatchObject({ opened: 1, open: 0, won: 1 });
    });

    it('ignores the whole life of a deal opened before its campaign was planned', async () => {
      const context = await InMemoryProjectionContext.fold(
        [campaignsProjection],
        [
          opportunity('OpportunityOpened', 'op-early', {
            campaignId: CAMPAIGN_ID,
            amount: eur(900),
          }),
          opportunity('OpportunityOpened', 'op-lost', { campaignId: CAMPAIGN_ID, amount: eur(5) }),
          recorded(planned(CAMPAIGN_ID, 10_000)),
          recorded(launched(['c-1'])),
          opportunity('OpportunityWon', 'op-early', { amount: eur(900), orderId: null }),
          opportunity('OpportunityLost', 'op-lost', { reason: 'price' }),
          opportunity('OpportunityReopened', 'op-lost'),
          opportunity('OpportunityLost', 'op-lost', { reason: 'price' }),
          opportunity('OpportunityOpened', 'op-later', {
            campaignId: CAMPAIGN_ID,
            amount: eur(300),
          }),
        ],
      );
      const campaign = await context.get<CampaignDocument>(CAMPAIGNS, CAMPAIGN_ID);
      if (!campaign) throw new Error('no campaign document');
      // Only the deal opened once the campaign existed counts; the early ones move nothing.
      expect(campaignResults(campaign).opportunities).toEqual({
        opened: 1,
        open: 1,
        won: 0,
        lost: 0,
        winRate: null,
        pipelineRevenue: [],
      });
    });

    it('shows zeros on a campaign without opportunities (and on documents written before them)', async () => {
      const campaign = await fold([planned(), launched(['c-1'])]);
      expect(campaignResults(campaign).opportunities).toEqual({
        opened: 0,
        open: 0,
        won: 0,
        lost: 0,
        winRate: null,
        pipelineRevenue: [],
      });
    });
  });
});
