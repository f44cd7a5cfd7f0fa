import type { TestApp } from '../../../test/support/test-app';
import { startTestApp } from '../../../test/support/test-app';
import { PIPELINE_CLOCK } from '../src/application/pipeline.config';

const HOUR = 3_600_000;
/** The pipeline's clock is pinned: each step says at which hour after T0 it happens. */
const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const hour = (h: number) => new Date(T0 + h * HOUR).toISOString();

const stage = (stageId: string, probability: number, kind = 'open') => ({
  stageId,
  name: stageId,
  probability,
  kind,
});
const terminals = [stage('won', 100, 'won'), stage('lost', 0, 'lost')];
const v1 = {
  name: 'New business',
  stages: [stage('qualify', 10), stage('propose', 50), stage('negotiate', 80), ...terminals],
};
// Version 2 replaces "propose" with "demo": propose stays become a retired stage.
const v2 = {
  name: 'New business',
  stages: [stage('qualify', 20), stage('demo', 40), stage('negotiate', 80), ...terminals],
};

const MARCH = 'from=2026-03-01&to=2026-03-31';
const AS_OF_60H = hour(60);

const timeInStage = (count: number, medianHours: number | null, p90Hours: number | null) => ({
  count,
  medianHours,
  p90Hours,
});
const row = (
  stageId: string,
  figures: Partial<Record<'entered' | 'movedForward' | 'movedBack' | 'won' | 'lost', number>> &
    Partial<Record<'reopened' | 'stillIn', number>>,
  conversion: number | null,
  time: ReturnType<typeof timeInStage>,
  more: { kind?: string; retired?: boolean } = {},
) => ({
  stageId,
  name: stageId,
  kind: more.kind ?? (stageId === 'won' || stageId === 'lost' ? stageId : 'open'),
  retired: more.retired ?? false,
  entered: 0,
  movedForward: 0,
  movedBack: 0,
  won: 0,
  lost: 0,
  reopened: 0,
  stillIn: 0,
  ...figures,
  conversion,
  timeInStage: time,
});
const none = timeInStage(0, null, null);
const eur = (amount: number) => ({ amount, amountExact: String(amount), currency: 'EUR' });

describe('pipeline conversion and win rate over HTTP', () => {
  let t: TestApp;
  let now = T0;
  let service: string;
  let analyst: string;
  let pipelineId: string;
  let lastPosition = 0;

  const at = (h: number) => {
    now = T0 + h * HOUR;
  };
  const write = async (method: string, path: string, body: unknown, key?: string) => {
    const answer = await t.request(method, path, { key: key ?? service, body });
    expect([200, 201]).toContain(answer.status);
    lastPosition = answer.body.position;
    return answer.body;
  };
  const open = async (h: number, body: Record<string, unknown>): Promise<string> => {
    at(h);
    const customer = await write('POST', '/customers', {
      name: `Buyer ${h}`,
      email: `buyer.${h}@example.com`,
    });
    return (
      await write('POST', '/opportunities', {
        customerId: customer.id,
        pipelineId,
        title: `Deal at ${h}h`,
        expectedCloseDate: '2026-06-30',
        ...body,
      })
    ).id;
  };
  const move = async (h: number, id: string, stageId: string) => {
    at(h);
    await write('POST', `/opportunities/${id}/stage`, { stageId });
  };
  const close = async (h: number, id: string, how: 'win' | 'lose' | 'reopen') => {
    at(h);
    await write('POST', `/opportunities/${id}/${how}`, how === 'lose' ? { reason: 'price' } : {});
  };
  const get = (path: string, key = analyst) =>
    t.request('GET', `${path}${path.includes('?') ? '&' : '?'}minPosition=${lastPosition}`, {
      key,
    });

  beforeAll(async () => {
    t = await startTestApp(
      {},
      {
        override: (builder) =>
          builder.overrideProvider(PIPELINE_CLOCK).useValue(() => new Date(now)),
      },
    );
    service = await t.keyFor('service');
    analyst = await t.keyFor('analyst');
    pipelineId = (await write('POST', '/pipelines', v1, t.adminKey)).id;
    const money = (amount: number, currency = 'EUR') => ({ amount: { amount, currency } });
    const a = await open(1, { ownerId: 'ann', source: 'web', ...money(100_000) });
    const b = await open(2, { ownerId: 'bob', source: 'referral', ...money(50_000) });
    const c = await open(3, { ownerId: 'ann', source: 'web', ...money(30_000, 'USD') });
    const d = await open(4, { ownerId: 'bob', source: 'web', ...money(20_000) });
    await move(10, d, 'propose');
    await close(14, b, 'lose');
    await move(25, a, 'propose');
    await close(34, d, 'lose');
    await move(51, c, 'propose');
    await close(58, d, 'reopen'); // back to propose
    await move(63, c, 'qualify');
    at(70);
    await write('PUT', `/pipelines/${pipelineId}`, v2, t.adminKey);
    await move(73, a, 'negotiate');
    await close(97, a, 'win');
    await close(106, d, 'win');
  });
  afterAll(() => t.close());

  describe('GET /analytics/pipeline/conversion', () => {
    it('counts each stay of the period by where it went, with time in stage by nearest rank', async () => {
      const answer = await get(`/analytics/pipeline/conversion?pipelineId=${pipelineId}&${MARCH}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        pipelineId,
        version: 2,
        from: '2026-03-01T00:00:00.000Z',
        to: '2026-03-31T23:59:59.999Z',
      });
      expect(answer.body.stages).toEqual([
        // Stays of 24, 12, 48 and 6 hours ended; a fifth (C back in qualify) goes on.
        row(
          'qualify',
          { entered: 5, movedForward: 3, lost: 1, stillIn: 1 },
          0.75,
          timeInStage(4, 12, 48),
        ),
        row('demo', {}, null, none),
        row('negotiate', { entered: 1, won: 1 }, 1, timeInStage(1, 24, 24)),
        row('won', { entered: 2, stillIn: 2 }, null, none),
        row('lost', { entered: 2, reopened: 1, stillIn: 1 }, null, timeInStage(1, 24, 24)),
        // A's move out of propose after the change counts as forward: a retired stage ranks first.
        row(
          'propose',
          { entered: 4, movedForward: 1, movedBack: 1, won: 1, lost: 1 },
          0.5,
          timeInStage(4, 24, 48),
          { retired: true },
        ),
      ]);
    });

    it('sees the past as of an instant: the definition then, stays not begun yet absent, exits after it still open', async () => {
      const answer = await get(
        `/analytics/pipeline/conversion?pipelineId=${pipelineId}&${MARCH}&asOf=${AS_OF_60H}`,
      );
      expect(answer.status).toBe(200);
      expect(answer.body.version).toBe(1);
      expect(answer.body.asOf).toBe(AS_OF_60H);
      expect(answer.body.stages).toEqual([
        row('qualify', { entered: 4, movedForward: 3, lost: 1 }, 0.75, timeInStage(4, 12, 48)),
        row('propose', { entered: 4, lost: 1, stillIn: 3 }, 0, timeInStage(1, 24, 24)),
        row('negotiate', {}, null, none),
        row('won', {}, null, none),
        row('lost', { entered: 2, reopened: 1, stillIn: 1 }, null, timeInStage(1, 24, 24)),
      ]);
    });

    it('reads only the stays that began in the period', async () => {
      // From T0+24h to T0+60h: A and C into propose, D back into propose, D into lost.
      const answer = await get(
        `/analytics/pipeline/conversion?pipelineId=${pipelineId}&from=${hour(24)}&to=${hour(60)}`,
      );
      expect(answer.status).toBe(200);
      const figures = Object.fromEntries(
        answer.body.stages.map((s: { stageId: string; entered: number }) => [s.stageId, s.entered]),
      );
      expect(figures).toEqual({ qualify: 0, demo: 0, negotiate: 0, won: 0, lost: 1, propose: 3 });
    });

    it('answers 404 for a pipeline that does not exist or was not defined yet at asOf', async () => {
      const unknown = await get(
        `/analytics/pipeline/conversion?pipelineId=00000000-0000-4000-8000-000000000001&${MARCH}`,
      );
      expect(unknown.status).toBe(404);
      const before = await get(
        `/analytics/pipeline/conversion?pipelineId=${pipelineId}&${MARCH}&asOf=2026-03-01`,
      );
      expect(before.status).toBe(404);
    });
  });

  describe('GET /analytics/pipeline/win-rate', () => {
    it('groups the deals closed in the period by owner: win rate, won amount, sales cycle in days', async () => {
      const answer = await get(
        `/analytics/pipeline/win-rate?by=owner&pipelineId=${pipelineId}&${MARCH}`,
      );
      expect(answer.status).toBe(200);
      expect(answer.body.groups).toEqual([
        {
          key: 'ann',
          won: 1,
          lost: 0,
          winRate: 1,
          wonAmount: [eur(100_000)],
          salesCycle: { count: 1, medianDays: 4, p90Days: 4 },
        },
        {
          key: 'bob',
          won: 1,
          lost: 1,
          winRate: 0.5,
          wonAmount: [eur(20_000)],
          salesCycle: { count: 1, medianDays: 4.25, p90Days: 4.25 },
        },
      ]);
      expect(answer.body.total).toEqual({
        won: 2,
        lost: 1,
        winRate: 0.6667,
        wonAmount: [eur(120_000)],
        salesCycle: { count: 2, medianDays: 4, p90Days: 4.25 },
      });
    });

    it('groups by source and by campaign (null: no campaign, last)', async () => {
      const bySource = await get(`/analytics/pipeline/win-rate?by=source&${MARCH}`);
      expect(bySource.status).toBe(200);
      expect(bySource.body.pipelineId).toBeNull();
      expect(
        bySource.body.groups.map((g: Record<string, unknown>) => [g.key, g.won, g.lost, g.winRate]),
      ).toEqual([
        ['referral', 0, 1, 0],
        ['web', 2, 0, 1],
      ]);
      const byCampaign = await get(`/analytics/pipeline/win-rate?by=campaign&${MARCH}`);
      expect(byCampaign.body.groups.map((g: { key: string | null }) => g.key)).toEqual([null]);
    });

    it('counts a deal lost then reopened as not closed once the reopen is known', async () => {
      const answer = await get(
        `/analytics/pipeline/win-rate?by=owner&pipelineId=${pipelineId}&${MARCH}&asOf=${AS_OF_60H}`,
      );
      expect(answer.status).toBe(200);
      expect(answer.body.groups).toEqual([
        {
          key: 'bob',
          won: 0,
          lost: 1,
          winRate: 0,
          wonAmount: [],
          salesCycle: { count: 0, medianDays: null, p90Days: null },
        },
      ]);
      const beforeReopen = await get(
        `/analytics/pipeline/win-rate?by=owner&pipelineId=${pipelineId}&${MARCH}&asOf=${hour(57)}`,
      );
      expect(beforeReopen.body.total).toMatchObject({ won: 0, lost: 2 });
    });
  });

  describe('input, roles and read-your-writes', () => {
    it.each([
      ['conversion?from=2026-03-01&to=2026-03-31', 'pipelineId', 'isUuid'],
      ['conversion?pipelineId=x&from=2026-03-01&to=2026-03-31', 'pipelineId', 'isUuid'],
      ['win-rate?from=2026-03-01&to=2026-03-31', 'by', 'isIn'],
      ['win-rate?by=stage&from=2026-03-01&to=2026-03-31', 'by', 'isIn'],
      ['win-rate?by=owner&to=2026-03-31', 'from', 'isIso8601'],
      ['win-rate?by=owner&from=2026-03-01&to=2026-31-03', 'to', 'isIso8601'],
      ['win-rate?by=owner&from=2026-03-01&to=2026-03-31&asOf=yesterday', 'asOf', 'isIso8601'],
      ['win-rate?by=owner&from=2026-03-31&to=2026-03-01', 'to', 'isNotBeforeFrom'],
      ['win-rate?by=owner&from=2020-01-01&to=2026-03-01', 'to', 'maxDaysAfterField'],
    ])('refuses %s naming %s and the rule %s', async (query, field, rule) => {
      const refused = await t.request('GET', `/analytics/pipeline/${query}`, { key: analyst });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, rule })]),
      );
    });

    it('answers analysts and refuses services', async () => {
      for (const path of [
        `/analytics/pipeline/conversion?pipelineId=${pipelineId}&${MARCH}`,
        `/analytics/pipeline/win-rate?by=owner&${MARCH}`,
      ]) {
        expect((await get(path, service)).status).toBe(403);
        expect((await get(path, analyst)).status).toBe(200);
      }
    });

    it('reads its own writes with minPosition', async () => {
      at(200);
      const other = (await write('POST', '/pipelines', v1, t.adminKey)).id;
      const saved = pipelineId;
      pipelineId = other;
      const id = await open(201, {
        ownerId: 'cy',
        source: 'web',
        amount: { amount: 1, currency: 'EUR' },
      });
      await move(203, id, 'propose');
      await close(204, id, 'win');
      pipelineId = saved;
      const conversion = await get(`/analytics/pipeline/conversion?pipelineId=${other}&${MARCH}`);
      expect(conversion.body.stages.slice(0, 2)).toEqual([
        row('qualify', { entered: 1, movedForward: 1 }, 1, timeInStage(1, 2, 2)),
        row('propose', { entered: 1, won: 1 }, 1, timeInStage(1, 1, 1)),
      ]);
      const rate = await get(`/analytics/pipeline/win-rate?by=owner&pipelineId=${other}&${MARCH}`);
      expect(rate.body.total).toMatchObject({ won: 1, lost: 0, wonAmount: [eur(1)] });
    });
  });

  describe('now, and asOf before a pipeline existed', () => {
    it('answers 404 on all four for a pipeline named but not yet defined at asOf, 200 with none without one', async () => {
      const before = 'asOf=2026-03-01';
      for (const path of [
        `/analytics/pipeline/conversion?pipelineId=${pipelineId}&${MARCH}&${before}`,
        `/analytics/pipeline/win-rate?by=owner&pipelineId=${pipelineId}&${MARCH}&${before}`,
        `/analytics/pipeline?pipelineId=${pipelineId}&${before}`,
        `/analytics/pipeline/forecast?pipelineId=${pipelineId}&from=2026-03-01&to=2026-06-30&${before}`,
      ]) {
        const answer = await get(path);
        expect(answer.status).toBe(404);
        expect(answer.body.message).toBe(
          `pipeline ${pipelineId} was not yet defined at 2026-03-01T00:00:00.000Z`,
        );
      }
      const board = await get(`/analytics/pipeline?${before}`);
      expect([board.status, board.body.pipelines]).toEqual([200, []]);
      const forecast = await get(
        `/analytics/pipeline/forecast?from=2026-03-01&to=2026-06-30&${before}`,
      );
      expect([forecast.status, forecast.body.currencies]).toEqual([200, []]);
      const rate = await get(`/analytics/pipeline/win-rate?by=owner&${MARCH}&${before}`);
      expect([rate.status, rate.body.groups]).toEqual([200, []]);
      expect(rate.body.total).toMatchObject({ won: 0, lost: 0, winRate: null });
    });

    it('is the pipeline clock that stamps the events, on all four analytics', async () => {
      at(300);
      for (const path of [
        `/analytics/pipeline/conversion?pipelineId=${pipelineId}&${MARCH}`,
        `/analytics/pipeline/win-rate?by=owner&${MARCH}`,
        `/analytics/pipeline?by=stage`,
        `/analytics/pipeline/forecast?from=2026-03-01&to=2026-06-30`,
      ]) {
        const answer = await get(path);
        expect(answer.status).toBe(200);
        expect(answer.body.asOf).toBe(hour(300));
      }
    });
  });
});
