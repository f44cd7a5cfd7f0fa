import type { TestApp } from '../../../test/support/test-app';
import { startTestApp } from '../../../test/support/test-app';

const stage = (stageId: string, probability: number, kind = 'open') => ({
  stageId,
  name: stageId,
  probability,
  kind,
});
const definition = (qualify: number, propose: number, negotiate: number) => ({
  name: 'New business',
  stages: [
    stage('qualify', qualify),
    stage('propose', propose),
    stage('negotiate', negotiate),
    stage('won', 100, 'won'),
    stage('lost', 0, 'lost'),
  ],
});

const UNKNOWN = '00000000-0000-4000-8000-000000000001';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const money = (amount: number, currency = 'EUR') => ({
  amount,
  amountExact: String(amount),
  currency,
});
const figures = (count: number, amount: number, weighted: string, currency = 'EUR') => ({
  currency,
  count,
  amount: money(amount, currency),
  weightedAmount: { amountExact: weighted, currency },
});

type Stage = { stageId: string; probability: number; totals: unknown[]; owners?: unknown[] };

describe('pipeline board and forecast over HTTP (analyst)', () => {
  let t: TestApp;
  let service: string;
  let analyst: string;
  let customerId: string;
  let pipelineId: string;
  let beforeReweighing: string;
  let lastPosition: number;
  const today = new Date().toISOString().slice(0, 10);

  /** A write as a service (as the admin for pipelines); remembers its position. */
  const act = async (
    path: string,
    body: unknown,
    options: { method?: string; admin?: boolean } = {},
  ): Promise<string> => {
    const key = options.admin ? undefined : service;
    const answer = await t.request(options.method ?? 'POST', path, { key, body });
    expect([200, 201]).toContain(answer.status);
    lastPosition = answer.body.position;
    return answer.body.id;
  };
  const open = (amount: number, currency: string, ownerId: string, expectedCloseDate: string) =>
    act('/opportunities', {
      customerId,
      pipelineId,
      title: 'Fleet renewal',
      amount: { amount, currency },
      expectedCloseDate,
      ownerId,
      source: 'referral',
    });
  const read = (path: string, key = analyst) =>
    t.request('GET', `${path}${path.includes('?') ? '&' : '?'}minPosition=${lastPosition}`, {
      key,
    });
  const stagesOf = async (query: string): Promise<Stage[]> => {
    const answer = await read(`/analytics/pipeline?pipelineId=${pipelineId}${query}`);
    expect(answer.status).toBe(200);
    expect(answer.body.pipelines).toHaveLength(1);
    return answer.body.pipelines[0].stages;
  };
  const period = `from=${today}&to=2027-03-31`;

  beforeAll(async () => {
    t = await startTestApp();
    service = await t.keyFor('service');
    analyst = await t.keyFor('analyst');
    customerId = await act('/customers', { name: 'Ada Lovelace', email: 'ada@example.com' });
    pipelineId = await act('/pipelines', definition(10, 50, 80), { admin: true });
    const d1 = await open(1_000_001, 'EUR', 'rep-1', '2027-03-15');
    const d2 = await open(333, 'EUR', 'rep-2', '2027-03-31');
    await act(`/opportunities/${d2}/stage`, { stageId: 'propose' });
    const d3 = await open(50_000, 'USD', 'rep-1', '2027-02-10');
    await act(`/opportunities/${d3}/stage`, { stageId: 'propose' });
    await act(`/opportunities/${d3}/stage`, { stageId: 'negotiate' });
    const d4 = await open(20_000, 'EUR', 'rep-2', '2027-04-05');
    await act(`/opportunities/${d4}/win`, {});
    const d5 = await open(7_000, 'EUR', 'rep-1', '2027-01-20');
    await act(`/opportunities/${d5}/lose`, { reason: 'price' });
    expect(d1).toEqual(expect.any(String));
    await pause(5);
    beforeReweighing = new Date().toISOString();
    await pause(5);
    // Sales management re-weighs the stages; then a new deal comes and one grows.
    await act(`/pipelines/${pipelineId}`, definition(20, 40, 90), { method: 'PUT', admin: true });
    await open(100, 'EUR', 'rep-2', '2027-05-01');
    await act(`/opportunities/${d2}/amount`, { amount: { amount: 1_000, currency: 'EUR' } });
  });
  afterAll(() => t.close());

  it('answers the board now: stages in order, weighed by the definition in force', async () => {
    const answer = await read(`/analytics/pipeline?pipelineId=${pipelineId}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ by: 'stage', asOf: expect.any(String) });
    expect(answer.body.pipelines[0]).toMatchObject({
      pipelineId,
      name: 'New business',
      version: 2,
    });
    expect(await stagesOf('')).toEqual([
      {
        stageId: 'qualify',
        name: 'qualify',
        kind: 'open',
        probability: 20,
        inDefinition: true,
        totals: [figures(2, 1_000_101, '200020.20')],
      },
      {
        stageId: 'propose',
        name: 'propose',
        kind: 'open',
        probability: 40,
        inDefinition: true,
        totals: [figures(1, 1_000, '400')],
      },
      {
        stageId: 'negotiate',
        name: 'negotiate',
        kind: 'open',
        probability: 90,
        inDefinition: true,
        totals: [figures(1, 50_000, '45000', 'USD')],
      },
      {
        stageId: 'won',
        name: 'won',
        kind: 'won',
        probability: 100,
        inDefinition: true,
        totals: [figures(1, 20_000, '20000')],
      },
      {
        stageId: 'lost',
        name: 'lost',
        kind: 'lost',
        probability: 0,
        inDefinition: true,
        totals: [figures(1, 7_000, '0')],
      },
    ]);
  });

  it('answers the board as of an instant before the re-weighing with the weights then in force', async () => {
    const answer = await read(
      `/analytics/pipeline?pipelineId=${pipelineId}&asOf=${beforeReweighing}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.asOf).toBe(beforeReweighing);
    expect(answer.body.pipelines[0]).toMatchObject({ version: 1 });
    const stages = answer.body.pipelines[0].stages as Stage[];
    expect(stages.map((s) => [s.stageId, s.probability, s.totals])).toEqual([
      ['qualify', 10, [figures(1, 1_000_001, '100000.10')]],
      ['propose', 50, [figures(1, 333, '166.50')]],
      ['negotiate', 80, [figures(1, 50_000, '40000', 'USD')]],
      ['won', 100, [figures(1, 20_000, '20000')]],
      ['lost', 0, [figures(1, 7_000, '0')]],
    ]);
  });

  it('splits each stage per owner with by=owner, and narrows to one currency', async () => {
    const [qualify] = await stagesOf('&by=owner');
    expect(qualify?.owners).toEqual([
      { ownerId: 'rep-1', totals: [figures(1, 1_000_001, '200000.20')] },
      { ownerId: 'rep-2', totals: [figures(1, 100, '20')] },
    ]);
    const usd = await stagesOf('&currency=USD');
    expect(usd.map((s) => s.totals.length)).toEqual([0, 0, 1, 0, 0]);
  });

  it('answers the forecast of a period now: open weighted, won and lost on its days', async () => {
    const answer = await read(`/analytics/pipeline/forecast?${period}&pipelineId=${pipelineId}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      asOf: expect.any(String),
      from: today,
      to: '2027-03-31',
      pipelineId,
      currencies: [
        {
          currency: 'EUR',
          open: {
            count: 2,
            amount: money(1_001_001),
            weightedAmount: { amountExact: '200400.20', currency: 'EUR' },
          },
          won: { count: 1, amount: money(20_000) },
          lost: { count: 1 },
        },
        {
          currency: 'USD',
          open: {
            count: 1,
            amount: money(50_000, 'USD'),
            weightedAmount: { amountExact: '45000', currency: 'USD' },
          },
          won: { count: 0, amount: money(0, 'USD') },
          lost: { count: 0 },
        },
      ],
    });
  });

  it('answers the forecast as of an instant before the re-weighing', async () => {
    const answer = await read(
      `/analytics/pipeline/forecast?${period}&pipelineId=${pipelineId}&asOf=${beforeReweighing}&currency=EUR`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.currencies).toEqual([
      {
        currency: 'EUR',
        open: {
          count: 2,
          amount: money(1_000_334),
          weightedAmount: { amountExact: '100166.60', currency: 'EUR' },
        },
        won: { count: 1, amount: money(20_000) },
        lost: { count: 1 },
      },
    ]);
  });

  it('reads its own writes: a deal opened just before is on the board at the position given', async () => {
    await open(5, 'GBP', 'rep-3', '2027-01-01');
    const answer = await t.request('GET', `/analytics/pipeline?pipelineId=${pipelineId}`, {
      key: analyst,
      headers: { 'X-Min-Position': String(lastPosition) },
    });
    expect(answer.status).toBe(200);
    const [qualify] = answer.body.pipelines[0].stages as Stage[];
    expect(qualify?.totals).toContainEqual(figures(1, 5, '1', 'GBP'));
  });

  it.each([
    ['/analytics/pipeline?by=region', 'by'],
    ['/analytics/pipeline?asOf=yesterday', 'asOf'],
    ['/analytics/pipeline?asOf=2026-06-30T12:00', 'asOf'],
    ['/analytics/pipeline?currency=EURO', 'currency'],
    ['/analytics/pipeline?pipelineId=nope', 'pipelineId'],
    ['/analytics/pipeline/forecast?to=2027-03-31', 'from'],
    ['/analytics/pipeline/forecast?from=2027-02-30&to=2027-03-31', 'from'],
    ['/analytics/pipeline/forecast?from=2027-01-01&to=31/03/2027', 'to'],
  ])('refuses %s with 400 naming %s', async (path, field) => {
    const answer = await t.request('GET', path, { key: analyst });
    expect(answer.status).toBe(400);
    expect(answer.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('refuses a period that ends before it starts, or longer than 366 days, naming the rule', async () => {
    const backwards = await t.request(
      'GET',
      '/analytics/pipeline/forecast?from=2027-03-31&to=2027-03-30',
      { key: analyst },
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.details).toEqual([
      expect.objectContaining({ field: 'to', rule: 'isNotBeforeFrom' }),
    ]);
    const long = await t.request(
      'GET',
      '/analytics/pipeline/forecast?from=2027-01-01&to=2028-01-02',
      {
        key: analyst,
      },
    );
    expect(long.status).toBe(400);
    expect(long.body.details).toEqual([
      expect.objectContaining({ field: 'to', rule: 'maxDaysAfterField' }),
    ]);
    const leapYear = await t.request(
      'GET',
      '/analytics/pipeline/forecast?from=2028-01-01&to=2028-12-31',
      { key: analyst },
    );
    expect(leapYear.status).toBe(200);
  });

  it('answers 404 for a pipeline that was never defined', async () => {
    const missing = await t.request('GET', `/analytics/pipeline?pipelineId=${UNKNOWN}`, {
      key: analyst,
    });
    expect(missing.status).toBe(404);
  });

  it('serves analysts and refuses services', async () => {
    const board = await t.request('GET', '/analytics/pipeline', { key: service });
    const forecast = await t.request('GET', `/analytics/pipeline/forecast?${period}`, {
      key: service,
    });
    expect([board.status, forecast.status]).toEqual([403, 403]);
  });
});
