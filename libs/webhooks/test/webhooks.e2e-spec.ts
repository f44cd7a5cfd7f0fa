import type { EventStore, RecordedEvent } from '@crm/eventsourcing';
import { EVENT_STORE } from '@crm/eventsourcing';
import type { TestApp } from '../../../test/support/test-app';
import { startTestApp } from '../../../test/support/test-app';
import { NOT_DELIVERED } from '../src/delivery/webhook-transport';
import type { TestReceiver } from '../src/testing/test-receiver';
import { eventually, startReceiver } from '../src/testing/test-receiver';

jest.setTimeout(30_000);

/** Small timeouts and backoff so failures, retries and dead letters happen in seconds. */
const WEBHOOK_ENV = {
  WEBHOOK_TIMEOUT_MS: '300',
  WEBHOOK_MAX_ATTEMPTS: '4',
  WEBHOOK_BACKOFF_BASE_MS: '40',
  WEBHOOK_BACKOFF_MAX_MS: '160',
  WEBHOOK_POLL_INTERVAL_MS: '25',
  // The receiver is on 127.0.0.1; loopback targets are refused without this.
  WEBHOOK_ALLOW_LOOPBACK: 'true',
};

type Registered = { id: string; secret: string; cursor: number };

describe('webhooks over HTTP, with a real receiver', () => {
  let t: TestApp;
  let receiver: TestReceiver;
  let service: string;
  const saved: Record<string, string | undefined> = {};

  const register = async (body: Record<string, unknown>): Promise<Registered> => {
    const response = await t.request<Registered>('POST', '/admin/webhooks', { body });
    expect(response.status).toBe(201);
    return response.body;
  };

  const createCustomer = async (name: string) => {
    const email = `${name.split(' ')[0]?.toLowerCase()}-${Date.now()}@example.com`;
    const response = await t.request('POST', '/customers', { key: service, body: { name, email } });
    expect(response.status).toBe(201);
    return response.body as { id: string; position: number };
  };

  const tag = async (id: string, tags: string[]) => {
    const response = await t.request('POST', `/customers/${id}/tags`, {
      key: service,
      body: { tags },
    });
    expect(response.status).toBe(200);
  };

  const logEvents = async (types: string[], after: number): Promise<RecordedEvent[]> => {
    const page = await t.app
      .get<EventStore>(EVENT_STORE)
      .readAll({ fromPosition: after, limit: 1000 });
    return page.events.filter((e) => types.includes(e.type));
  };

  const accepted = (path: string) => new Set(receiver.accepted(path).map((r) => r.id));

  beforeAll(async () => {
    for (const [name, value] of Object.entries(WEBHOOK_ENV)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    receiver = await startReceiver();
    t = await startTestApp();
    service = await t.keyFor('service');
  });

  afterAll(async () => {
    await t?.close();
    await receiver?.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('refuses metadata, link-local, private and credential-bearing targets and the API itself', async () => {
    const targets = [
      'http://169.254.169.254/latest/meta-data/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://10.0.0.1/hook',
      'http://0x0a000001/hook',
      'http://[fd00:ec2::254]/',
      `http://127.0.0.1:${t.config.port}/customers`,
      'https://user:pass@hooks.example.com/crm',
    ];
    for (const url of targets) {
      const refused = await t.request('POST', '/admin/webhooks', {
        body: { url, eventTypes: ['*'] },
      });
      expect([url, refused.status, refused.body.details]).toEqual([
        url,
        400,
        [expect.objectContaining({ field: 'url', rule: 'isAllowedWebhookTarget' })],
      ]);
    }
    const list = await t.request('GET', '/admin/webhooks?limit=500');
    expect(list.body.items.map((w: { url: string }) => w.url)).not.toEqual(
      expect.arrayContaining(targets),
    );
  });

  it('refuses bad registrations with a 400 naming the field and rule, and non-admins', async () => {
    const bad = await t.request('POST', '/admin/webhooks', {
      body: { url: 'ftp://example.com/hook', eventTypes: [] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'url', rule: 'isUrl' }),
        expect.objectContaining({ field: 'eventTypes', rule: 'arrayMinSize' }),
      ]),
    );
    const unknown = await t.request('POST', '/admin/webhooks', {
      body: { url: receiver.url('/x'), eventTypes: ['CustomerCreated', 'CustomerExploded'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([
      expect.objectContaining({ field: 'eventTypes.1', rule: 'isKnownEventType' }),
    ]);
    const asService = await t.request('POST', '/admin/webhooks', {
      key: service,
      body: { url: receiver.url('/x'), eventTypes: ['*'] },
    });
    expect(asService.status).toBe(403);
    const missing = await t.request('GET', '/admin/webhooks/6f1c8a52-8f0e-4a3e-9d55-3a3f1b2c4d5e');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('WEBHOOK_NOT_FOUND');
    const docs = await t.request('GET', '/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/admin/webhooks',
        '/admin/webhooks/{id}/dead-letters/{deliveryId}/redeliver',
        '/admin/webhooks/{id}/replay',
      ]),
    );
    expect((await t.request('GET', '/admin/webhooks/nope')).body.details).toEqual([
      expect.objectContaining({ field: 'id', rule: 'isUuid' }),
    ]);
  });

  it('delivers every matching event through 500s and timeouts: signed, in order per stream, nothing lost', async () => {
    // /plain answers each event's first attempt with a 500, hangs past the timeout on the
    // second, and accepts the third.
    receiver.answerWith((request) => {
      if (request.path !== '/plain') return 'ok';
      const before = receiver.requests.filter((r) => r.path === '/plain' && r.id === request.id);
      return (['fail', 'hang'] as const)[before.length] ?? 'ok';
    });
    const plain = await register({
      url: receiver.url('/plain'),
      eventTypes: ['CustomerCreated', 'CustomerTagged'],
    });
    const personal = await register({
      url: receiver.url('/personal'),
      eventTypes: ['CustomerCreated'],
      includePersonalData: true,
    });
    const ada = await createCustomer('Ada Lovelace');
    const grace = await createCustomer('Grace Hopper');
    const alan = await createCustomer('Alan Turing');
    for (const customer of [ada, grace, alan]) {
      await tag(customer.id, ['vip']);
      await tag(customer.id, ['newsletter']);
    }
    await t.request('POST', `/customers/${ada.id}/notes`, { key: service, body: { text: 'hi' } });

    const expected = await logEvents(['CustomerCreated', 'CustomerTagged'], plain.cursor);
    expect(expected).toHaveLength(9);
    await eventually('every event reached /plain', () => accepted('/plain').size === 9, 15_000);
    expect(accepted('/plain')).toEqual(new Set(expected.map((e) => e.metadata.eventId)));

    const plainRequests = receiver.requests.filter((r) => r.path === '/plain');
    expect(plainRequests.every((r) => receiver.verify(r, plain.secret))).toBe(true);
    expect(plainRequests.some((r) => receiver.verify(r, personal.secret))).toBe(false);
    for (const customer of [ada, grace, alan]) {
      const revisions = plainRequests
        .filter((r) => r.json.streamId === `customer-${customer.id}`)
        .map((r) => r.json.revision);
      expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
      expect(new Set(revisions)).toEqual(new Set([0, 1, 2]));
    }
    const failed = plainRequests.filter((r) => r.answer !== 'ok');
    expect(failed).toHaveLength(18);
    expect(plainRequests).toHaveLength(27);
    for (const failure of failed) {
      const retry = receiver.accepted('/plain').find((r) => r.id === failure.id);
      expect(retry?.json).toEqual(failure.json);
      expect(retry?.json.id).toBe(failure.id);
    }
    const created = receiver.accepted('/plain').find((r) => r.json.type === 'CustomerCreated');
    expect(created?.json.data).toMatchObject({ name: '[personal data]', email: '[personal data]' });
    expect(created?.json.data).not.toHaveProperty('emailHash');
    expect(created?.json).toMatchObject({
      position: expect.any(Number),
      occurredAt: expect.any(String),
      metadata: expect.objectContaining({ eventId: created?.id }),
    });

    await eventually('/personal got the three customers', () => accepted('/personal').size === 3);
    const names = receiver.accepted('/personal').map((r) => r.json.data.name);
    expect(names.sort()).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);

    await eventually('the counters settled', async () => {
      const details = await t.request('GET', `/admin/webhooks/${plain.id}`);
      return details.body.delivered === 9;
    });
    const details = await t.request('GET', `/admin/webhooks/${plain.id}`);
    expect(details.body).toMatchObject({
      status: 'healthy',
      pending: 0,
      deadLetters: 0,
      failedAttempts: 18,
      lag: 0,
      lastError: expect.objectContaining({ error: NOT_DELIVERED }),
    });
    expect(details.body).not.toHaveProperty('secret');
    const list = await t.request('GET', '/admin/webhooks');
    expect(list.body.items.map((w: { id: string }) => w.id)).toEqual(
      expect.arrayContaining([plain.id, personal.id]),
    );
    expect(JSON.stringify(list.body)).not.toContain('whsec_');

    // Replay after a forget: the same events again, personal data now erased.
    const forgot = await t.request('POST', `/customers/${ada.id}/forget`, { body: {} });
    expect(forgot.status).toBe(200);
    const before = receiver.accepted('/personal').length;
    const replay = await t.request('POST', `/admin/webhooks/${personal.id}/replay`, {
      body: { fromPosition: grace.position },
    });
    expect(replay.status).toBe(202);
    await eventually(
      'grace and alan came again',
      () => receiver.accepted('/personal').length === before + 2,
    );
    expect(
      receiver
        .accepted('/personal')
        .slice(before)
        .map((r) => r.json.data.name),
    ).toEqual(['Grace Hopper', 'Alan Turing']);
    await t.request('POST', `/admin/webhooks/${personal.id}/replay`, {
      body: { fromPosition: ada.position },
    });
    await eventually('ada came again, erased', () =>
      receiver.accepted('/personal').some((r) => r.json.data.name === '[erased]'),
    );
    const erased = receiver.accepted('/personal').find((r) => r.json.data.name === '[erased]');
    const adaCreated = (await logEvents(['CustomerCreated'], 0)).find(
      (event) => event.position === ada.position,
    );
    expect(erased?.id).toBe(adaCreated?.metadata.eventId);

    const ahead = await t.request('POST', `/admin/webhooks/${personal.id}/replay`, {
      body: { fromPosition: 1_000_000 },
    });
    expect(ahead.status).toBe(409);
    expect(ahead.body.code).toBe('WEBHOOK_REPLAY_AHEAD');
    const negative = await t.request('POST', `/admin/webhooks/${personal.id}/replay`, {
      body: { fromPosition: -1 },
    });
    expect(negative.body.details).toEqual([
      expect.objectContaining({ field: 'fromPosition', rule: 'min' }),
    ]);
  });

  it('dead-letters an event after the last attempt and redelivers it on request', async () => {
    let down = true;
    receiver.answerWith((request) => (request.path === '/dead' && down ? 'fail' : 'ok'));
    const hook = await register({ url: receiver.url('/dead'), eventTypes: ['CustomerTagged'] });
    const customer = await createCustomer('Edsger Dijkstra');
    await tag(customer.id, ['vip']);
    const [event] = await logEvents(['CustomerTagged'], hook.cursor);
    const eventId = event?.metadata.eventId as string;

    await eventually('the event is dead-lettered', async () => {
      const dead = await t.request('GET', `/admin/webhooks/${hook.id}/dead-letters`);
      return dead.body.items.length === 1;
    });
    expect(receiver.requests.filter((r) => r.path === '/dead' && r.id === eventId)).toHaveLength(4);
    const dead = await t.request('GET', `/admin/webhooks/${hook.id}/dead-letters`);
    expect(dead.body.items[0]).toMatchObject({
      deliveryId: eventId,
      attempts: 4,
      status: 'dead',
      lastError: NOT_DELIVERED,
      streamId: `customer-${customer.id}`,
    });
    expect((await t.request('GET', `/admin/webhooks/${hook.id}`)).body).toMatchObject({
      status: 'failing',
      deadLetters: 1,
    });

    down = false;
    const redeliver = await t.request(
      'POST',
      `/admin/webhooks/${hook.id}/dead-letters/${eventId}/redeliver`,
    );
    expect(redeliver.status).toBe(202);
    expect(redeliver.body).toMatchObject({ deliveryId: eventId, status: 'pending', attempts: 0 });
    await eventually('the redelivery arrived', () => accepted('/dead').has(eventId));
    await eventually('no dead letters remain', async () => {
      const after = await t.request('GET', `/admin/webhooks/${hook.id}/dead-letters`);
      return after.body.items.length === 0;
    });
    const again = await t.request(
      'POST',
      `/admin/webhooks/${hook.id}/dead-letters/${eventId}/redeliver`,
    );
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('WEBHOOK_DEAD_LETTER_NOT_FOUND');
  });

  it('stops sending to a deleted endpoint', async () => {
    const hook = await register({ url: receiver.url('/deleted'), eventTypes: ['*'] });
    expect((await t.request('DELETE', `/admin/webhooks/${hook.id}`)).status).toBe(204);
    expect((await t.request('GET', `/admin/webhooks/${hook.id}`)).status).toBe(404);
    await createCustomer('Barbara Liskov');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.requests.filter((r) => r.path === '/deleted')).toEqual([]);
  });
});
