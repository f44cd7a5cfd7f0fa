import { customerDecider, customerStreamId } from '@crm/customers';
import { CommandRunner } from '@crm/eventsourcing';
import type { ServiceDeskClock } from '@crm/service-desk';
import { SERVICE_DESK_CLOCK } from '@crm/service-desk';
import type { TestApp } from '../../../test/support/test-app';
import { startTestApp } from '../../../test/support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2031-01-06T09:00:00.000Z');

describe('service desk over HTTP', () => {
  let t: TestApp;
  let service: string;
  let analyst: string;
  let now = START;
  let counter = 0;

  beforeAll(async () => {
    t = await startTestApp();
    service = await t.keyFor('service');
    analyst = await t.keyFor('analyst');
    const clock = t.app.get<symbol, ServiceDeskClock>(SERVICE_DESK_CLOCK, { strict: false });
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(now));
  });
  afterAll(() => t.close());

  const later = (ms: number) => {
    now += ms;
  };

  const createCustomer = async (): Promise<string> => {
    counter += 1;
    const body = { name: `Grace Hopper ${counter}`, email: `grace.${counter}@example.com` };
    const created = await t.request('POST', '/customers', { key: service, body });
    expect(created.status).toBe(201);
    return created.body.id;
  };

  const aTicket = (customerId: string, overrides: Record<string, unknown> = {}) => ({
    customerId,
    subject: 'Charged twice',
    description: 'My card 4111 was charged twice in January',
    category: 'billing',
    channel: 'email',
    priority: 'normal',
    ...overrides,
  });

  const open = async (customerId: string, overrides: Record<string, unknown> = {}) => {
    const opened = await t.request('POST', '/tickets', {
      key: service,
      body: aTicket(customerId, overrides),
    });
    expect(opened.status).toBe(201);
    return opened.body as { id: string; streamRevision: number; position: number };
  };

  const act = (id: string, action: string, body?: unknown, key = service) =>
    t.request('POST', `/tickets/${id}/${action}`, { key, body });

  const read = (path: string, position: number, key = service) =>
    t.request('GET', `${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`, { key });

  it('opens a ticket and shows it with SLA due times for its priority', async () => {
    const customerId = await createCustomer();
    const opened = await open(customerId, { priority: 'high' });
    expect(opened).toEqual({
      id: expect.any(String),
      streamRevision: 0,
      position: expect.any(Number),
    });

    const detail = await read(`/tickets/${opened.id}`, opened.position);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      ticketId: opened.id,
      customerId,
      status: 'open',
      priority: 'high',
      channel: 'email',
      agentId: null,
      replies: [],
      sla: {
        firstResponse: {
          dueAt: new Date(now + 2 * HOUR).toISOString(),
          stoppedAt: null,
          state: 'on_track',
        },
        resolution: {
          dueAt: new Date(now + 24 * HOUR).toISOString(),
          stoppedAt: null,
          state: 'on_track',
        },
      },
    });
  });

  it('runs the whole workflow and refuses illegal transitions with 409 naming the status', async () => {
    const customerId = await createCustomer();
    const { id } = await open(customerId);
    expect((await act(id, 'classify', { category: 'technical', priority: 'urgent' })).status).toBe(
      200,
    );
    expect((await act(id, 'assign', { agentId: 'agent-flow' })).status).toBe(200);
    later(10 * 60_000);
    expect((await act(id, 'replies', { author: 'customer', text: 'Any news?' })).status).toBe(200);
    expect((await act(id, 'replies', { author: 'agent', text: 'On it' })).status).toBe(200);

    const early = await act(id, 'satisfaction', { score: 5 });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'TICKET_NOT_RESOLVED',
      message: expect.stringMatching(/it is open/),
    });

    expect((await act(id, 'resolve', { resolution: 'Refunded' })).status).toBe(200);
    expect((await act(id, 'satisfaction', { score: 2, comment: 'slow' })).status).toBe(200);
    const again = await act(id, 'satisfaction', { score: 3 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SATISFACTION_ALREADY_RATED');

    expect((await act(id, 'reopen', { reason: 'charged again' })).status).toBe(200);
    expect((await act(id, 'resolve', { resolution: 'Refunded again' })).status).toBe(200);
    expect((await act(id, 'satisfaction', { score: 5 })).status).toBe(200);
    const closed = await act(id, 'close');
    expect(closed.status).toBe(200);

    const reply = await act(id, 'replies', { author: 'agent', text: 'hello?' });
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({
      statusCode: 409,
      code: 'TICKET_ALREADY_CLOSED',
      message: `cannot reply to ticket ${id}: it is closed`,
    });

    const detail = await read(`/tickets/${id}`, closed.body.position);
    expect(detail.body).toMatchObject({
      status: 'closed',
      category: 'technical',
      priority: 'urgent',
      agentId: 'agent-flow',
      resolutionCount: 2,
      reopenCount: 1,
      replies: [
        { author: 'customer', text: 'Any news?' },
        { author: 'agent', text: 'On it' },
      ],
      ratings: [
        { resolutionNumber: 1, score: 2, comment: 'slow' },
        { resolutionNumber: 2, score: 5, comment: null },
      ],
      sla: { firstResponse: { state: 'met' }, resolution: { state: 'met' } },
    });
  });

  it('refuses a reopen after the reopen window', async () => {
    const { id } = await open(await createCustomer());
    await act(id, 'resolve', { resolution: 'Done' });
    later(14 * DAY + 60_000);
    const reopened = await act(id, 'reopen');
    expect(reopened.status).toBe(409);
    expect(reopened.body.code).toBe('REOPEN_WINDOW_EXPIRED');
    expect(reopened.body.message).toMatch(/it is resolved/);
  });

  it('answers 404 for unknown tickets and customers, 409 for a forgotten customer', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await act(missing, 'close')).status).toBe(404);
    expect((await t.request('GET', `/tickets/${missing}`, { key: service })).status).toBe(404);
    const unknownCustomer = await t.request('POST', '/tickets', {
      key: service,
      body: aTicket(missing),
    });
    expect(unknownCustomer.status).toBe(404);

    const customerId = await createCustomer();
    // Forgetting goes through the real write path; it stands in for the admin endpoint.
    await t.app.get(CommandRunner).run(
      customerDecider,
      { type: 'ForgetCustomer', customerId },
      {
        streamId: customerStreamId(customerId),
        context: { actor: { id: 'test', role: 'admin' }, correlationId: 'forget' },
        commandType: 'ForgetCustomer',
        customerId,
      },
    );
    const forgotten = await t.request('POST', '/tickets', {
      key: service,
      body: aTicket(customerId),
    });
    expect(forgotten.status).toBe(409);
    expect(forgotten.body.code).toBe('CUSTOMER_FORGOTTEN');
  });

  it.each([
    [{ channel: 'fax' }, 'channel', 'isIn'],
    [{ priority: 'asap' }, 'priority', 'isIn'],
    [{ category: 'Billing Stuff' }, 'category', 'matches'],
    [{ subject: '' }, 'subject', 'isLength'],
    [{ customerId: 'nope' }, 'customerId', 'isUuid'],
    [{ extra: 1 }, 'extra', 'unknownField'],
  ])('answers 400 naming the field and rule for %j', async (overrides, field, rule) => {
    const response = await t.request('POST', '/tickets', {
      key: service,
      body: aTicket('00000000-0000-4000-8000-000000000000', overrides),
    });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, rule })]),
    );
  });

  it.each([
    [{ score: 6 }, 'score', 'max'],
    [{ score: 0 }, 'score', 'min'],
    [{ score: 4.5 }, 'score', 'isInt'],
    [{}, 'score', 'isInt'],
  ])('refuses the rating %j with 400 naming the field and rule', async (body, field, rule) => {
    const { id } = await open(await createCustomer());
    const response = await act(id, 'satisfaction', body);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, rule })]),
    );
  });

  it('answers 400 for a ticket id that is not a UUID', async () => {
    const response = await act('not-a-uuid', 'close');
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      expect.objectContaining({ field: 'id', rule: 'isUuid' }),
    ]);
  });

  it('answers a retried open with the same Idempotency-Key as the first', async () => {
    const customerId = await createCustomer();
    const headers = { 'idempotency-key': `open-ticket-${customerId}` };
    const first = await t.request('POST', '/tickets', {
      key: service,
      body: aTicket(customerId),
      headers,
    });
    const second = await t.request('POST', '/tickets', {
      key: service,
      body: aTicket(customerId),
      headers,
    });
    expect(first.status).toBe(201);
    expect(second.body).toEqual(first.body);
  });

  it('filters the queue by status, agent, priority, customer and SLA state', async () => {
    now = START + 100 * DAY;
    const customerId = await createCustomer();
    const urgent = await open(customerId, { priority: 'urgent' });
    const low = await open(customerId, { priority: 'low' });
    await act(urgent.id, 'assign', { agentId: 'agent-queue' });
    const done = await open(customerId);
    const last = await act(done.id, 'resolve', { resolution: 'Fixed' });
    const position = last.body.position;
    const ids = async (query: string) =>
      (
        (await read(`/tickets?customerId=${customerId}&${query}`, position)).body.items as {
          ticketId: string;
        }[]
      ).map((item) => item.ticketId);

    expect(await ids('status=open')).toEqual([urgent.id, low.id]);
    expect(await ids('agentId=agent-queue')).toEqual([urgent.id]);
    expect(await ids('priority=low')).toEqual([low.id]);
    expect(await ids('status=resolved')).toEqual([done.id]);
    expect(await ids('breached=true')).toEqual([]);

    later(25 * 60_000); // urgent: 30 min to first response, at risk from 22.5 min
    expect(await ids('atRisk=true')).toEqual([urgent.id]);
    later(10 * 60_000);
    expect(await ids('breached=true')).toEqual([urgent.id]);
    expect(await ids('breached=false&status=open')).toEqual([low.id]);
    const row = (await read(`/tickets?customerId=${customerId}&breached=true`, position)).body
      .items[0];
    expect(row).toMatchObject({ replyCount: 0, sla: { firstResponse: { state: 'breached' } } });
    expect(row.description).toBeUndefined();

    const bad = await t.request('GET', '/tickets?breached=maybe', { key: service });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([
      expect.objectContaining({ field: 'breached', rule: 'isBoolean' }),
    ]);
  });

  it('pages the queue with a cursor', async () => {
    const customerId = await createCustomer();
    let position = 0;
    for (let i = 0; i < 5; i += 1) position = (await open(customerId)).position;
    const first = await read(`/tickets?customerId=${customerId}&limit=3`, position);
    expect(first.body.items).toHaveLength(3);
    const second = await read(
      `/tickets?customerId=${customerId}&limit=3&cursor=${first.body.nextCursor}`,
      position,
    );
    expect(second.body.items).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
  });

  it('lets analysts read with free text masked, and not write', async () => {
    const { id } = await open(await createCustomer());
    const last = await act(id, 'replies', { author: 'customer', text: 'call me on 555 1234' });
    const detail = await read(`/tickets/${id}`, last.body.position, analyst);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      subject: '[redacted]',
      description: '[redacted]',
      replies: [{ text: '[redacted]' }],
    });
    expect((await act(id, 'close', undefined, analyst)).status).toBe(403);
  });

  it('reports satisfaction overall and by agent, category, channel and month', async () => {
    now = Date.parse('2032-03-10T12:00:00.000Z');
    const customerId = await createCustomer();
    const rate = async (agentId: string, channel: string, score: number) => {
      const { id } = await open(customerId, { channel, category: 'csat-test' });
      await act(id, 'assign', { agentId });
      await act(id, 'resolve', { resolution: 'Done' });
      return (await act(id, 'satisfaction', { score })).body.position as number;
    };
    await rate('agent-a', 'chat', 5);
    await rate('agent-a', 'phone', 4);
    await rate('agent-b', 'chat', 1);
    const position = await rate('agent-b', 'chat', 4);
    const range = 'from=2032-03-01&to=2032-04-01';

    const byAgent = await read(`/analytics/satisfaction?by=agent&${range}`, position, analyst);
    expect(byAgent.status).toBe(200);
    expect(byAgent.body).toEqual({
      by: 'agent',
      from: '2032-03-01T00:00:00.000Z',
      to: '2032-04-01T00:00:00.000Z',
      overall: {
        n: 4,
        average: 3.5,
        csatPercent: 75,
        distribution: { 1: 1, 2: 0, 3: 0, 4: 2, 5: 1 },
      },
      groups: [
        {
          key: 'agent-a',
          n: 2,
          average: 4.5,
          csatPercent: 100,
          distribution: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 1 },
        },
        {
          key: 'agent-b',
          n: 2,
          average: 2.5,
          csatPercent: 50,
          distribution: { 1: 1, 2: 0, 3: 0, 4: 1, 5: 0 },
        },
      ],
    });
    const byChannel = await read(`/analytics/satisfaction?by=channel&${range}`, position, analyst);
    expect(byChannel.body.groups.map((g: { key: string; n: number }) => [g.key, g.n])).toEqual([
      ['chat', 3],
      ['phone', 1],
    ]);
    const byMonth = await read(`/analytics/satisfaction?by=month&${range}`, position, analyst);
    expect(byMonth.body.groups).toEqual([expect.objectContaining({ key: '2032-03', n: 4 })]);
    const byCategory = await read(
      `/analytics/satisfaction?by=category&${range}`,
      position,
      analyst,
    );
    expect(byCategory.body.groups).toEqual([
      expect.objectContaining({ key: 'csat-test', average: 3.5 }),
    ]);

    const profile = await read(`/customers/${customerId}`, position);
    expect(profile.body.service).toEqual({
      serviceCount: 4,
      openTicketCount: 0,
      satisfaction: { average: 3.5, n: 4 },
    });
  });

  it('validates the satisfaction report query and keeps it to analysts', async () => {
    const badBy = await t.request('GET', '/analytics/satisfaction?by=weather', { key: analyst });
    expect(badBy.status).toBe(400);
    expect(badBy.body.details).toEqual([expect.objectContaining({ field: 'by', rule: 'isIn' })]);
    const reversed = await t.request(
      'GET',
      '/analytics/satisfaction?from=2032-04-01&to=2032-03-01',
      { key: analyst },
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.details).toEqual([
      expect.objectContaining({ field: 'to', rule: 'isAfterFrom' }),
    ]);
    const badDate = await t.request('GET', '/analytics/satisfaction?from=yesterday', {
      key: analyst,
    });
    expect(badDate.status).toBe(400);
    expect((await t.request('GET', '/analytics/satisfaction', { key: service })).status).toBe(403);
  });

  it('documents the endpoints in OpenAPI', async () => {
    const docs = await t.request('GET', '/docs-json', { key: null });
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/tickets',
        '/tickets/{id}',
        '/tickets/{id}/classify',
        '/tickets/{id}/assign',
        '/tickets/{id}/replies',
        '/tickets/{id}/resolve',
        '/tickets/{id}/reopen',
        '/tickets/{id}/close',
        '/tickets/{id}/satisfaction',
        '/analytics/satisfaction',
      ]),
    );
  });
});
