import { deciderSpec } from '@crm/eventsourcing/testing';
import { MAX_AMOUNT } from '@crm/sales';
import {
  CAMPAIGN_ID,
  cancelled,
  completed,
  converted,
  day,
  launched,
  launchedInChunks,
  planned,
  responded,
  reversed,
  tagRule,
} from '../testing/campaign-events.factory';
import type { AudienceRule } from './audience-rule';
import type { CampaignCommand } from './campaign.decider';
import { campaignDecider, MAX_AUDIENCE } from './campaign.decider';

const spec = deciderSpec(campaignDecider);
const campaignId = CAMPAIGN_ID;

const commands = {
  plan: (overrides: Partial<Extract<CampaignCommand, { type: 'PlanCampaign' }>> = {}) =>
    ({
      type: 'PlanCampaign',
      campaignId,
      name: '  Spring sale ',
      channel: 'email',
      cost: { amount: 10_000, currency: 'EUR' },
      startsAt: day(1),
      endsAt: day(11),
      attributionWindowDays: 7,
      audience: tagRule('vip'),
      at: day(0),
      ...overrides,
    }) satisfies CampaignCommand,
  launch: (customerIds = ['c-2', 'c-1', 'c-2', 'c-3'], at = day(1)): CampaignCommand => ({
    type: 'LaunchCampaign',
    campaignId,
    audienceDigest: 'sha256:test-audience',
    customerIds,
    resolvedAtPosition: 42,
    at,
  }),
  respond: (customerId = 'c-1', kind: 'opened' | 'clicked' = 'opened'): CampaignCommand => ({
    type: 'RecordResponse',
    campaignId,
    customerId,
    kind,
    at: day(2),
  }),
  complete: (): CampaignCommand => ({ type: 'CompleteCampaign', campaignId, at: day(12) }),
  cancel: (): CampaignCommand => ({ type: 'CancelCampaign', campaignId, at: day(5) }),
  convert: (
    orderId = 'o-1',
    placedAt = day(3),
    customerId = 'c-1',
    attribution: 'explicit' | 'last_touch' = 'last_touch',
  ): CampaignCommand => ({
    type: 'RecordConversion',
    campaignId,
    orderId,
    customerId,
    value: { amount: 5_000, currency: 'EUR' },
    placedAt,
    attribution,
  }),
  reverse: (
    amount: number | null,
    reason: 'refund' | 'order_cancelled' = 'refund',
  ): CampaignCommand => ({
    type: 'ReverseConversion',
    campaignId,
    orderId: 'o-1',
    amount,
    reason,
    at: day(4),
  }),
};

describe('campaign decider', () => {
  describe('with no campaign', () => {
    it('plans a campaign, trimming its name', () => {
      spec
        .given([])
        .when(commands.plan())
        .then([planned(campaignId)]);
    });

    it.each<[string, Partial<Extract<CampaignCommand, { type: 'PlanCampaign' }>>, string]>([
      ['an empty name', { name: '   ' }, 'INVALID_NAME'],
      ['an unknown channel', { channel: 'fax' as never }, 'INVALID_CHANNEL'],
      ['a negative cost', { cost: { amount: -1, currency: 'EUR' } }, 'INVALID_AMOUNT'],
      ['a fractional cost', { cost: { amount: 1.5, currency: 'EUR' } }, 'INVALID_AMOUNT'],
      [
        'a cost past the money limit',
        { cost: { amount: MAX_AMOUNT + 1, currency: 'EUR' } },
        'INVALID_AMOUNT',
      ],
      ['a cost in no currency', { cost: { amount: 1, currency: 'EURO' } }, 'INVALID_CURRENCY'],
      ['an end before the start', { endsAt: day(0) }, 'INVALID_PERIOD'],
      ['a window past a year', { attributionWindowDays: 366 }, 'INVALID_ATTRIBUTION_WINDOW'],
    ])('refuses %s', (_, overrides, code) => {
      spec.given([]).when(commands.plan(overrides)).thenFails(code);
    });

    it.each<[string, AudienceRule]>([
      ['no criterion', { tags: null, segment: null, value: null, lastOrder: null }],
      ['no tags', { ...tagRule(), tags: { match: 'any', values: [] } }],
      ['a value range upside down', { ...tagRule(), value: { currency: 'EUR', min: 10, max: 5 } }],
      [
        'an open recency range',
        { ...tagRule(), lastOrder: { minDaysAgo: null, maxDaysAgo: null } },
      ],
    ])('refuses an audience rule with %s', (_, audience) => {
      spec.given([]).when(commands.plan({ audience })).thenFails('INVALID_AUDIENCE_RULE');
    });

    it.each([
      ['a launch', commands.launch()],
      ['a response', commands.respond()],
      ['a completion', commands.complete()],
      ['a conversion', commands.convert()],
    ])('answers not found to %s', (_, command) => {
      spec.given([]).when(command).thenFails('CAMPAIGN_NOT_FOUND');
    });
  });

  describe('when planned', () => {
    const given = spec.given([planned()]);

    it('refuses to plan it again', () => {
      given.when(commands.plan()).thenFails('CAMPAIGN_ALREADY_EXISTS', /status planned/);
    });

    it('launches with the recorded audience, deduplicated and sorted, and the window end', () => {
      const [chunk, launch] = launchedInChunks(['c-1', 'c-2', 'c-3']);
      spec.given([planned(), chunk!]).when(commands.launch()).then([launch!]);
    });

    it('refuses a launch after the planned end', () => {
      given.when(commands.launch(['c-1'], day(11.5))).thenFails('CAMPAIGN_ENDED');
    });

    it('refuses an audience past the limit', () => {
      const ids = Array.from({ length: MAX_AUDIENCE + 1 }, (_, i) => `c-${i}`);
      given.when(commands.launch(ids)).thenFails('AUDIENCE_TOO_LARGE');
    });

    it('refuses responses, completion and conversions, naming the status', () => {
      given
        .when(commands.respond())
        .thenFails(
          'ILLEGAL_CAMPAIGN_TRANSITION',
          /it is planned \(allowed from launched, completed\)/,
        );
      given.when(commands.complete()).thenFails('ILLEGAL_CAMPAIGN_TRANSITION', /it is planned/);
      given.when(commands.convert()).thenFails('CAMPAIGN_NOT_LAUNCHED', /it is planned/);
    });

    it('cancels', () => {
      given.when(commands.cancel()).then([cancelled()]);
    });
  });

  describe('when launched', () => {
    const given = spec.given([planned(), launched()]);

    it('refuses a second launch with 409 naming the status', () => {
      given
        .when(commands.launch())
        .thenFails('ILLEGAL_CAMPAIGN_TRANSITION', /it is launched \(allowed from planned\)/);
    });

    it('records a response of an audience member', () => {
      given.when(commands.respond('c-2', 'clicked')).then([
        {
          type: 'ResponseRecorded',
          data: { campaignId, customerId: 'c-2', kind: 'clicked', respondedAt: day(2) },
        },
      ]);
    });

    it('refuses a response from outside the audience', () => {
      given.when(commands.respond('stranger')).thenFails('NOT_IN_AUDIENCE');
    });

    it('records a last-touch conversion of an audience member inside the window', () => {
      given.when(commands.convert()).then([converted('o-1', 5_000)]);
    });

    it('records the same order once: a replayed conversion changes nothing', () => {
      spec
        .given([planned(), launched(), converted('o-1', 5_000)])
        .when(commands.convert())
        .then([]);
    });

    it('credits an explicit campaign id for a customer outside the audience', () => {
      const command = commands.convert('o-9', day(3), 'stranger', 'explicit');
      given.when(command).then([
        {
          type: 'ConversionRecorded',
          data: {
            campaignId,
            orderId: 'o-9',
            customerId: 'stranger',
            amount: 5_000,
            currency: 'EUR',
            placedAt: day(3),
            attribution: 'explicit',
          },
        },
      ]);
    });

    it('refuses a last-touch conversion from outside the audience', () => {
      given.when(commands.convert('o-1', day(3), 'stranger')).thenFails('NOT_IN_AUDIENCE');
    });

    it.each([
      ['before the launch', day(0.5)],
      ['after endsAt + window', day(18.01)],
    ])('refuses an order placed %s', (_, placedAt) => {
      given.when(commands.convert('o-1', placedAt)).thenFails('OUTSIDE_ATTRIBUTION_WINDOW');
    });

    it('accepts an order placed on the last instant of the window', () => {
      given
        .when(commands.convert('o-1', day(18)))
        .then([converted('o-1', 5_000, { placedAt: day(18) })]);
    });

    it('completes and cancels', () => {
      given.when(commands.complete()).then([completed()]);
      given.when(commands.cancel()).then([cancelled()]);
    });
  });

  describe('with a conversion', () => {
    const given = spec.given([planned(), launched(), converted('o-1', 5_000)]);

    it('takes a refund off the attributed revenue, the conversion still counting', () => {
      given.when(commands.reverse(2_000)).then([reversed('o-1', 2_000, false)]);
    });

    it('reverses it fully when refunds reach its whole value', () => {
      spec
        .given([planned(), launched(), converted('o-1', 5_000), reversed('o-1', 2_000, false)])
        .when(commands.reverse(3_000))
        .then([reversed('o-1', 3_000, true, { reason: 'refund' })]);
    });

    it('reverses what is left when the order is cancelled', () => {
      spec
        .given([planned(), launched(), converted('o-1', 5_000), reversed('o-1', 2_000, false)])
        .when(commands.reverse(null, 'order_cancelled'))
        .then([reversed('o-1', 3_000, true)]);
    });

    it('changes nothing once fully reversed, or for an order it never counted', () => {
      spec
        .given([planned(), launched(), converted('o-1', 5_000), reversed('o-1', 5_000, true)])
        .when(commands.reverse(100))
        .then([]);
      spec.given([planned(), launched()]).when(commands.reverse(100)).then([]);
    });
  });

  describe('when completed', () => {
    const given = spec.given([planned(), launched(), completed()]);

    it('still records late responses and conversions inside the window', () => {
      given.when(commands.respond()).then([
        {
          type: 'ResponseRecorded',
          data: { campaignId, customerId: 'c-1', kind: 'opened', respondedAt: day(2) },
        },
      ]);
      given
        .when(commands.convert('o-1', day(15)))
        .then([converted('o-1', 5_000, { placedAt: day(15) })]);
    });

    it('refuses to complete or cancel again, naming the status', () => {
      given.when(commands.complete()).thenFails('ILLEGAL_CAMPAIGN_TRANSITION', /it is completed/);
      given
        .when(commands.cancel())
        .thenFails(
          'ILLEGAL_CAMPAIGN_TRANSITION',
          /it is completed \(allowed from planned, launched\)/,
        );
    });
  });

  describe('when cancelled', () => {
    it('credits orders placed before the cancellation, not after', () => {
      const given = spec.given([planned(), launched(), cancelled(day(5))]);
      given
        .when(commands.convert('o-1', day(4)))
        .then([converted('o-1', 5_000, { placedAt: day(4) })]);
      given.when(commands.convert('o-1', day(6))).thenFails('OUTSIDE_ATTRIBUTION_WINDOW');
    });

    it('refuses responses and conversions when it was never launched', () => {
      const given = spec.given([planned(), cancelled()]);
      given.when(commands.respond()).thenFails('ILLEGAL_CAMPAIGN_TRANSITION', /it is cancelled/);
      given.when(commands.convert()).thenFails('CAMPAIGN_NOT_LAUNCHED', /never launched/);
    });

    it('refuses to launch', () => {
      spec
        .given([planned(), cancelled()])
        .when(commands.launch())
        .thenFails('ILLEGAL_CAMPAIGN_TRANSITION', /it is cancelled/);
    });
  });

  it('ignores responses in its state, so a repeated open is recorded as a fact', () => {
    spec
      .given([planned(), launched(), responded('c-1', 'opened')])
      .when(commands.respond('c-1', 'opened'))
      .then([
        {
          type: 'ResponseRecorded',
          data: { campaignId, customerId: 'c-1', kind: 'opened', respondedAt: day(2) },
        },
      ]);
  });
});
