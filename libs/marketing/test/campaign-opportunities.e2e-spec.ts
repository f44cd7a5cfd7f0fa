import type { TestApp } from '../../../test/support/test-app';
import { startTestApp } from '../../../test/support/test-app';
import { campaignSteps } from '../src/testing/campaign-http';

const stage = (stageId: string, probability: number, kind = 'open') => ({
  stageId,
  name: stageId,
  probability,
  kind,
});
const eur = (amount: number) => ({ amount, amountExact: String(amount), currency: 'EUR' });

describe('campaign results credit the pipeline’s opportunities, without counting a sale twice', () => {
  let t: TestApp;
  let service: string;
  let analyst: string;
  let steps: ReturnType<typeof campaignSteps>;
  let campaignId: string;
  let pipelineId: string;
  let customerId: string;

  const act = async (path: string, body: unknown) => {
    const answer = await t.request('POST', path, { key: service, body });
    expect([200, 201]).toContain(answer.status);
    return answer.body;
  };
  const open = async (amount: number): Promise<string> =>
    (
      await act('/opportunities', {
        customerId,
        pipelineId,
        title: 'Fleet renewal',
        amount: { amount, currency: 'EUR' },
        expectedCloseDate: '2027-03-31',
        ownerId: 'rep-1',
        source: 'email',
        campaignId,
      })
    ).id;
  const results = async (position: number) => {
    const answer = await t.request(
      'GET',
      `/campaigns/${campaignId}/results?minPosition=${position}`,
      { key: analyst },
    );
    expect(answer.status).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    service = await t.keyFor('service');
    analyst = await t.keyFor('analyst');
    steps = campaignSteps(
      (method, path, options = {}) => t.request(method, path, options),
      service,
    );
    customerId = await steps.customer(1, ['spring-2026']);
    campaignId = await steps.plan();
    await steps.launch(campaignId);
    const defined = await t.request('POST', '/pipelines', {
      body: {
        name: 'New business',
        stages: [stage('qualify', 10), stage('won', 100, 'won'), stage('lost', 0, 'lost')],
      },
    });
    pipelineId = defined.body.id;
  });
  afterAll(() => t.close());

  it('shows a won deal by its amount beside the attributed revenue of the order it placed', async () => {
    const id = await open(11_000);
    const won = await act(`/opportunities/${id}/win`, {
      order: { lines: [{ sku: 'FLEET', quantity: 1, unitPrice: 12_000 }] },
    });
    // The order carries the deal's campaign (the default), so attribution credits it explicitly.
    const order = await t.request('GET', `/orders/${won.orderId}?minPosition=${won.position}`, {
      key: analyst,
    });
    expect(order.body.campaignId).toBe(campaignId);
    const body = await results(won.position);
    expect(body.conversions).toBe(1);
    expect(body.byCurrency).toEqual([
      expect.objectContaining({ currency: 'EUR', conversions: 1, attributedRevenue: eur(12_000) }),
    ]);
    expect(body.byCurrency[0].roi).toBe(0.2);
    expect(body.opportunities).toEqual({
      opened: 1,
      open: 0,
      won: 1,
      lost: 0,
      winRate: 1,
      pipelineRevenue: [eur(11_000)],
    });
  });

  it('counts lost and reopened deals, and lists them in /analytics/campaigns too', async () => {
    const id = await open(5_000);
    const lost = await act(`/opportunities/${id}/lose`, { reason: 'price' });
    const lostThen = await results(lost.position);
    expect(lostThen.opportunities).toMatchObject({
      opened: 2,
      open: 0,
      won: 1,
      lost: 1,
      winRate: 0.5,
    });
    const reopened = await act(`/opportunities/${id}/reopen`, {});
    const body = await results(reopened.position);
    expect(body.opportunities).toMatchObject({ opened: 2, open: 1, won: 1, lost: 0, winRate: 1 });
    expect(body.byCurrency[0].attributedRevenue).toEqual(eur(12_000));
    const list = await t.request('GET', `/analytics/campaigns?minPosition=${reopened.position}`, {
      key: analyst,
    });
    const listed = list.body.items.find((c: { campaignId: string }) => c.campaignId === campaignId);
    expect(listed.opportunities).toEqual(body.opportunities);
  });
});
