import { contextModules } from '@crm/composition';
import type { TestApp } from '../../../test/support/test-app';
import { startTestApp } from '../../../test/support/test-app';
import { MarketingModule } from '../src/marketing.module';
import type { Http } from '../src/testing/campaign-http';
import { aCampaign, campaignSteps } from '../src/testing/campaign-http';

// Runs once the app is composed with the marketing module (libs/composition).
const describeWired = contextModules.includes(MarketingModule) ? describe : describe.skip;

describeWired('campaigns over HTTP', () => {
  let t: TestApp;
  let service: string;
  let analyst: string;
  let auditor: string;
  let steps: ReturnType<typeof campaignSteps>;
  let http: Http;
  const customers: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    service = await t.keyFor('service');
    analyst = await t.keyFor('analyst');
    auditor = await t.keyFor('auditor');
    http = (method, path, options = {}) => t.request(method, path, options);
    steps = campaignSteps(http, service);
    for (const [n, name] of ['ada', 'bob', 'cy', 'dan', 'fay', 'eve'].entries()) {
      customers[name] = await steps.customer(n);
    }
  });
  afterAll(() => t.close());

  const c = (name: string): string => customers[name] ?? '';
  const results = (campaignId: string, position: number, key = analyst) =>
    t.request('GET', `/campaigns/${campaignId}/results?minPosition=${position}`, { key });

  describe('the whole scenario, every figure checked by hand', () => {
    let spring: string;
    let last = 0;

    it('tags customers, places an order before launch, plans on the tag and launches', async () => {
      for (const name of ['ada', 'bob', 'cy', 'dan', 'fay'])
        await steps.tag(c(name), ['spring-2026']);
      // Placed before the launch: outside the window, never attributed.
      await steps.order(c('ada'), 99_999);
      spring = await steps.plan();
      const launched = await steps.launch(spring);
      const campaign = await t.request(
        'GET',
        `/campaigns/${spring}?minPosition=${launched.position}`,
        {
          key: service,
        },
      );
      expect(campaign.status).toBe(200);
      expect(campaign.body).toMatchObject({
        campaignId: spring,
        status: 'launched',
        audienceSize: 5,
        cost: { amount: 10_000, currency: 'EUR' },
        audienceRule: { tags: { match: 'any', values: ['spring-2026'] }, segment: null },
        attributionWindowDays: 14,
      });
    });

    it('records responses of audience members and refuses others', async () => {
      await steps.respond(spring, c('ada'), 'opened');
      await steps.respond(spring, c('ada'), 'opened');
      await steps.respond(spring, c('ada'), 'clicked');
      await steps.respond(spring, c('bob'), 'opened');
      await steps.respond(spring, c('cy'), 'unsubscribed');
      const stranger = await t.request('POST', `/campaigns/${spring}/responses`, {
        key: service,
        body: { customerId: c('eve'), kind: 'opened' },
      });
      expect(stranger.body).toMatchObject({ statusCode: 409, code: 'NOT_IN_AUDIENCE' });
    });

    it('places, pays, refunds and cancels orders, and the saga attributes them', async () => {
      const o1 = await steps.order(c('ada'), 8_000);
      await steps.orderAction(o1.id, 'pay', { amount: 8_000, currency: 'EUR' });
      await steps.orderAction(o1.id, 'refunds', { amount: 3_000, currency: 'EUR' });
      const o2 = await steps.order(c('bob'), 6_000);
      await steps.orderAction(o2.id, 'cancel', { reason: 'customer_request' });
      await steps.order(c('cy'), 4_500);
      await steps.order(c('eve'), 2_000, 'EUR', spring); // explicit: eve is not in the audience
      await steps.order(c('dan'), 3_000, 'USD');
      await steps.order(c('eve'), 1_000); // neither explicit nor in the audience
      const o7 = await steps.order(c('bob'), 2_500);
      await steps.orderAction(o7.id, 'pay', { amount: 2_500, currency: 'EUR' });
      last = (await steps.orderAction(o7.id, 'refunds', { amount: 2_500, currency: 'EUR' }))
        .position;
    });

    it('answers every result figure as computed by hand', async () => {
      const response = await results(spring, last);
      expect(response.status).toBe(200);
      // Live conversions: o1 (8000 − 3000), o3 4500, o4 2000 explicit in EUR; o5 3000 USD.
      // o2 cancelled and o7 fully refunded are reversed; the pre-launch and eve's plain order never count.
      expect(response.body).toEqual({
        campaignId: spring,
        name: 'Spring sale',
        channel: 'email',
        status: 'launched',
        launchedAt: expect.any(String),
        attributionEndsAt: expect.any(String),
        audienceSize: 5,
        responses: { opened: 2, clicked: 1, replied: 0, unsubscribed: 1 },
        respondents: 3,
        responseRate: 0.6, // 3 / 5
        conversions: 4,
        conversionRate: 0.8, // 4 / 5
        ratesUnavailableReason: null,
        cost: { amount: 10_000, currency: 'EUR' },
        byCurrency: [
          {
            currency: 'EUR',
            conversions: 3,
            attributedRevenue: { amount: 11_500, amountExact: '11500', currency: 'EUR' }, // 5000 + 4500 + 2000
            cost: { amount: 10_000, currency: 'EUR' },
            roi: 0.15, // (11500 − 10000) / 10000
            roiUnavailableReason: null,
          },
          {
            currency: 'USD',
            conversions: 1,
            attributedRevenue: { amount: 3_000, amountExact: '3000', currency: 'USD' },
            cost: { amount: 0, currency: 'USD' },
            roi: null,
            roiUnavailableReason: "the campaign's cost is in EUR; revenue in USD is not converted",
          },
        ],
        // No pipeline opportunity was opened with this campaign.
        opportunities: { opened: 0, open: 0, won: 0, lost: 0, winRate: null, pipelineRevenue: [] },
      });
    });

    it('credits a later campaign on the same tag with the next order (last touch)', async () => {
      const flash = await steps.plan({ name: 'Flash sale', cost: { amount: 0, currency: 'EUR' } });
      await steps.launch(flash);
      const order = await steps.order(c('ada'), 7_000);
      const [springAfter, flashAfter] = await Promise.all([
        results(spring, order.position),
        results(flash, order.position),
      ]);
      expect(springAfter.body).toMatchObject({ conversions: 4 });
      expect(flashAfter.body).toMatchObject({
        conversions: 1,
        byCurrency: [
          {
            currency: 'EUR',
            attributedRevenue: { amount: 7_000, amountExact: '7000', currency: 'EUR' },
            roi: null,
            roiUnavailableReason: 'the campaign cost is 0, so ROI is undefined',
          },
        ],
      });
      last = order.position;
    });

    it('lists every campaign’s results for analysts', async () => {
      const list = await t.request(
        'GET',
        `/analytics/campaigns?minPosition=${last}&status=launched`,
        {
          key: analyst,
        },
      );
      expect(list.status).toBe(200);
      expect(list.body.items.map((r: { name: string }) => r.name)).toEqual([
        'Flash sale',
        'Spring sale',
      ]);
      expect(list.body.items[1]).toMatchObject({
        campaignId: spring,
        conversions: 4,
        respondents: 3,
      });
      expect((await t.request('GET', '/analytics/campaigns', { key: service })).status).toBe(403);
    });

    it('completes once, then refuses completion and cancellation naming the status', async () => {
      await steps.expectStatus(
        http('POST', `/campaigns/${spring}/complete`, { key: service }),
        200,
      );
      for (const action of ['complete', 'cancel', 'launch']) {
        const again = await t.request('POST', `/campaigns/${spring}/${action}`, { key: service });
        expect(again.body).toMatchObject({
          statusCode: 409,
          code: 'ILLEGAL_CAMPAIGN_TRANSITION',
          message: expect.stringMatching(/it is completed/),
        });
      }
    });

    it('shows responses and conversions in the customer’s history, and no other campaign event', async () => {
      const history = await t.request('GET', `/customers/${c('ada')}/history`, { key: auditor });
      const types = history.body.events.map((e: { type: string }) => e.type);
      expect(types).toEqual(expect.arrayContaining(['ResponseRecorded', 'ConversionRecorded']));
      expect(types).not.toContain('CampaignLaunched');
      expect(types).not.toContain('CampaignCompleted');
    });
  });

  describe('bad input and other refusals', () => {
    it('answers 400 naming each field and rule', async () => {
      const bad = await t.request('POST', '/campaigns', {
        key: service,
        body: aCampaign({
          name: '',
          channel: 'fax',
          cost: { amount: -1, currency: 'EURO' },
          endsAt: '2020-01-01T00:00:00Z',
          attributionWindowDays: 400,
          audience: { value: { currency: 'EUR', min: 10, max: 5 } },
        }),
      });
      expect(bad.status).toBe(400);
      const rules = bad.body.details.map(
        (d: { field: string; rule: string }) => `${d.field}:${d.rule}`,
      );
      expect(rules).toEqual(
        expect.arrayContaining([
          'name:isLength',
          'channel:isIn',
          'cost.amount:min',
          'cost.currency:isCurrencyCode',
          'endsAt:isAfterField',
          'attributionWindowDays:max',
          'audience.value.max:isNotBelowField',
        ]),
      );
    });

    it('refuses an audience without criteria and an unknown segment', async () => {
      const empty = await t.request('POST', '/campaigns', {
        key: service,
        body: aCampaign({ audience: {} }),
      });
      expect(empty.body.details).toContainEqual(
        expect.objectContaining({ field: 'audience', rule: 'hasOneOf' }),
      );
      const segment = await t.request('POST', '/campaigns', {
        key: service,
        body: aCampaign({ audience: { segment: 'whales' } }),
      });
      expect(segment.status).toBe(400);
      expect(segment.body.details).toEqual([
        expect.objectContaining({ field: 'audience.segment', rule: 'isIn' }),
      ]);
    });

    it('fixes an RFM-segment audience at launch; later segment moves do not change it', async () => {
      const rfm = await t.request('GET', '/analytics/rfm?limit=500', { key: analyst });
      const segment: string = rfm.body.items.find(
        (r: { customerId: string }) => r.customerId === c('ada'),
      ).segment;
      const size: number = rfm.body.segments.find(
        (s: { segment: string }) => s.segment === segment,
      ).customers;
      const id = await steps.plan({ audience: { segment } });
      const launched = await steps.launch(id);
      const read = (position: number) =>
        t.request('GET', `/campaigns/${id}?minPosition=${position}`, { key: analyst });
      expect(size).toBeGreaterThan(0);
      expect((await read(launched.position)).body.audienceSize).toBe(size);
      const newcomer = await steps.customer(99);
      for (let i = 0; i < 3; i += 1) await steps.order(newcomer, 500_000);
      const moved = await steps.order(newcomer, 500_000);
      expect((await read(moved.position)).body.audienceSize).toBe(size);
    });

    it('answers a retried plan with the same Idempotency-Key as the first time', async () => {
      const headers = { 'Idempotency-Key': 'plan-campaign-42' };
      // A retry sends the same body (a new aCampaign() has other timestamps: a 422 now).
      const body = aCampaign();
      const first = await t.request('POST', '/campaigns', { key: service, headers, body });
      const again = await t.request('POST', '/campaigns', { key: service, headers, body });
      expect(again.body).toEqual(first.body);
      const launchHeaders = { 'Idempotency-Key': 'launch-campaign-42' };
      const launched = await t.request('POST', `/campaigns/${first.body.id}/launch`, {
        key: service,
        headers: launchHeaders,
      });
      const relaunched = await t.request('POST', `/campaigns/${first.body.id}/launch`, {
        key: service,
        headers: launchHeaders,
      });
      expect(relaunched.status).toBe(200);
      expect(relaunched.body).toEqual(launched.body);
    });

    it('answers 404 for an unknown campaign and 403 for the wrong role', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect(
        (await t.request('POST', `/campaigns/${unknown}/launch`, { key: service })).status,
      ).toBe(404);
      expect(
        (await t.request('GET', `/campaigns/${unknown}/results`, { key: analyst })).status,
      ).toBe(404);
      expect(
        (await t.request('POST', '/campaigns', { key: analyst, body: aCampaign() })).status,
      ).toBe(403);
    });
  });
});
