import type { DocumentStore } from '@crm/documents';
import { EmbeddedDocumentStore } from '@crm/documents';
import { SqliteEventStore } from '@crm/eventsourcing';
import type { EventStore } from '@crm/eventsourcing';
import { aNewEvent } from '@crm/eventsourcing/testing';
import { WebhookAdmin } from '../admin/webhook-admin';
import type { RegisterWebhook } from '../admin/webhook-admin';
import { DELIVERIES_COLLECTION } from '../store/webhook.documents';
import { withSparsePositions } from '../testing/sparse-positions';
import type { TestReceiver } from '../testing/test-receiver';
import { eventually, startReceiver } from '../testing/test-receiver';
import type { EndpointClaims } from './webhook-dispatcher';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookTargetPolicy } from './webhook-target';
import { NOT_DELIVERED } from './webhook-transport';

jest.setTimeout(20_000);

const settings = {
  timeoutMs: 200,
  maxAttempts: 5,
  backoffBaseMs: 20,
  backoffMaxMs: 80,
  pollIntervalMs: 20,
  allowLoopback: true,
};
const TYPES = ['CustomerCreated', 'CustomerTagged', 'OrderPlaced'];

describe('WebhookDispatcher', () => {
  let events: SqliteEventStore;
  let documents: EmbeddedDocumentStore;
  let receiver: TestReceiver;
  let admin: WebhookAdmin;
  let dispatchers: WebhookDispatcher[];

  const dispatcher = (
    claims?: EndpointClaims,
    store: DocumentStore = documents,
  ): WebhookDispatcher => {
    const sut = new WebhookDispatcher({
      events,
      documents: store,
      pii: { revealDeep: async (value) => value },
      settings,
      ...(claims ? { claims } : {}),
    });
    dispatchers.push(sut);
    return sut;
  };

  const register = (path: string, overrides: Partial<RegisterWebhook> = {}) =>
    admin.register({ url: receiver.url(path), eventTypes: ['*'], ...overrides });

  /** Appends `count` events of `type` to `streamId`; returns their ids in order. */
  const append = async (streamId: string, type: string, count = 1): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const event = aNewEvent({ type, data: { i } });
      await events.append(streamId, [event], 'any');
      ids.push(event.metadata.eventId);
    }
    return ids;
  };

  const uniqueAccepted = (path: string) => new Set(receiver.accepted(path).map((r) => r.id));

  beforeEach(async () => {
    events = new SqliteEventStore({ filename: ':memory:', pollIntervalMs: 10 });
    documents = new EmbeddedDocumentStore({ filename: ':memory:' });
    receiver = await startReceiver();
    admin = new WebhookAdmin(
      documents,
      events,
      TYPES,
      new WebhookTargetPolicy({ allowLoopback: true }),
    );
    dispatchers = [];
  });

  afterEach(async () => {
    await Promise.all(dispatchers.map((d) => d.stop()));
    await receiver.close();
    await events.close();
    await documents.close();
  });

  it('delivers every matching event through failures and timeouts, in order per stream', async () => {
    const hook = await register('/a', { eventTypes: ['CustomerCreated', 'CustomerTagged'] });
    receiver.answerWith((_, n) => (n < 3 ? 'fail' : n < 5 ? 'hang' : 'ok'));
    const expected: string[] = [];
    for (let round = 0; round < 4; round += 1) {
      for (const stream of ['customer-1', 'customer-2', 'customer-3']) {
        expected.push(
          ...(await append(stream, round === 0 ? 'CustomerCreated' : 'CustomerTagged')),
        );
      }
      await append('order-1', 'OrderPlaced');
    }
    await dispatcher().start();

    await eventually('every event was accepted', () => uniqueAccepted('/a').size === 12);
    expect(uniqueAccepted('/a')).toEqual(new Set(expected));
    expect(receiver.requests.some((r) => r.json.type === 'OrderPlaced')).toBe(false);
    for (const stream of ['customer-1', 'customer-2', 'customer-3']) {
      const revisions = receiver.requests
        .filter((r) => r.json.streamId === stream)
        .map((r) => r.json.revision as number);
      expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    }
    expect(receiver.requests.every((r) => receiver.verify(r, hook.secret))).toBe(true);
    const retried = receiver.requests.filter((r) => r.answer !== 'ok');
    expect(retried).toHaveLength(5);
    for (const failure of retried) {
      const retry = receiver.accepted('/a').find((r) => r.id === failure.id);
      expect(retry?.body).toBe(failure.body);
      expect(retry?.json.id).toBe(failure.id);
    }
    await eventually('counters are committed', async () => {
      const details = await admin.details(hook.id);
      return details.delivered === 12 && details.pending === 0;
    });
    expect(await admin.details(hook.id)).toMatchObject({
      status: 'healthy',
      failedAttempts: 5,
      deadLetters: 0,
      lag: 0,
    });
  });

  it('dead-letters an event after the last attempt, then the next one of its stream goes', async () => {
    const hook = await register('/dead');
    receiver.answerWith((request) => (request.json.data.i === 0 ? 'fail' : 'ok'));
    const [first, second] = await append('customer-1', 'CustomerCreated', 2);
    await dispatcher().start();

    await eventually('the second event was accepted', () => uniqueAccepted('/dead').has(second));
    const attempts = receiver.requests.filter((r) => r.id === first);
    expect(attempts).toHaveLength(settings.maxAttempts);
    const dead = await admin.deadLetters(hook.id, {});
    expect(dead.items).toEqual([
      expect.objectContaining({
        deliveryId: first,
        attempts: 5,
        status: 'dead',
        lastError: NOT_DELIVERED,
      }),
    ]);
    // The receiver sees the second delivery a moment before the dispatcher records it.
    await eventually(
      'the endpoint is healthy again',
      async () => (await admin.details(hook.id)).status === 'healthy',
    );
    expect(await admin.details(hook.id)).toMatchObject({ status: 'healthy', deadLetters: 1 });

    receiver.answerWith(() => 'ok');
    await expect(admin.redeliver(hook.id, first as string)).resolves.toMatchObject({
      status: 'pending',
    });
    await eventually('the dead letter was redelivered', () => uniqueAccepted('/dead').has(first));
    await eventually('the dead-letter list is empty', async () => {
      return (await admin.deadLetters(hook.id, {})).items.length === 0;
    });
    await expect(admin.redeliver(hook.id, first as string)).rejects.toMatchObject({
      error: { code: 'WEBHOOK_DEAD_LETTER_NOT_FOUND' },
    });
  });

  it('replays every matching event from a position, with the same ids', async () => {
    const hook = await register('/replay');
    const ids = await append('customer-1', 'CustomerCreated', 3);
    await dispatcher().start();
    await eventually('all three arrived', () => uniqueAccepted('/replay').size === 3);
    const second = receiver.accepted('/replay').find((r) => r.id === ids[1]);

    const first = receiver.accepted('/replay').find((r) => r.id === ids[0]);
    await expect(admin.replay(hook.id, second?.json.position)).resolves.toMatchObject({
      cursor: first?.json.position,
    });
    await eventually('two were sent again', () => receiver.accepted('/replay').length === 5);
    expect(receiver.accepted('/replay').map((r) => r.id)).toEqual([...ids, ids[1], ids[2]]);
    await expect(admin.replay(hook.id, 1000)).rejects.toMatchObject({
      error: { code: 'WEBHOOK_REPLAY_AHEAD' },
    });
  });

  describe('on a log whose positions are not dense', () => {
    let sparse: EventStore;
    let sparseAdmin: WebhookAdmin;
    const sparseDispatcher = (): WebhookDispatcher => {
      const sut = new WebhookDispatcher({
        events: sparse,
        documents,
        pii: { revealDeep: async (value) => value },
        settings,
      });
      dispatchers.push(sut);
      return sut;
    };
    beforeEach(() => {
      sparse = withSparsePositions(events);
      sparseAdmin = new WebhookAdmin(
        documents,
        sparse,
        TYPES,
        new WebhookTargetPolicy({ allowLoopback: true }),
      );
    });

    it('counts the lag in events: pending and not yet taken in, of the types it receives', async () => {
      const hook = await sparseAdmin.register({
        url: receiver.url('/lag'),
        eventTypes: ['CustomerCreated'],
      });
      await append('customer-1', 'CustomerCreated', 3);
      await append('customer-1', 'CustomerTagged', 2);

      expect(await sparseAdmin.details(hook.id)).toMatchObject({ lag: 3, pending: 0 });

      receiver.answerWith(() => 'hang');
      await sparseDispatcher().start();
      await eventually('taken in', async () => (await sparseAdmin.details(hook.id)).pending === 3);
      expect(await sparseAdmin.details(hook.id)).toMatchObject({ lag: 3 });
    });

    it('replays from a position, reading the event back from its stream', async () => {
      const hook = await sparseAdmin.register({ url: receiver.url('/sparse'), eventTypes: ['*'] });
      const ids = await append('customer-1', 'CustomerCreated', 3);
      await sparseDispatcher().start();
      await eventually('all three arrived', () => uniqueAccepted('/sparse').size === 3);
      const second = receiver.accepted('/sparse').find((r) => r.id === ids[1]);
      const first = receiver.accepted('/sparse').find((r) => r.id === ids[0]);

      await expect(sparseAdmin.replay(hook.id, second?.json.position)).resolves.toMatchObject({
        cursor: first?.json.position,
      });
      await eventually('two were sent again', () => receiver.accepted('/sparse').length === 5);
      expect(receiver.accepted('/sparse').map((r) => r.id)).toEqual([...ids, ids[1], ids[2]]);
    });
  });

  it('lets one dispatcher at a time work an endpoint, and another take over when it stops', async () => {
    await register('/one');
    await register('/two');
    const [a, b] = [dispatcher(), dispatcher()];
    await a.start();
    await eventually('the first dispatcher took both endpoints', () => a.status().length === 2);
    await b.start();
    const ids = [
      ...(await append('customer-1', 'CustomerCreated', 10)),
      ...(await append('customer-2', 'CustomerCreated', 10)),
    ];
    await eventually('both endpoints got some', () =>
      ['/one', '/two'].every((path) => uniqueAccepted(path).size >= 5),
    );
    expect(b.status()).toEqual([]);
    await a.stop();
    await eventually('the second dispatcher took over', () => b.status().length === 2);
    await eventually('both endpoints got everything', () =>
      ['/one', '/two'].every((path) => uniqueAccepted(path).size === 20),
    );
    for (const path of ['/one', '/two']) {
      expect(
        receiver
          .accepted(path)
          .map((r) => r.id)
          .sort(),
      ).toEqual([...ids].sort());
    }
  });

  it('with claims, takes over at once the endpoints of a dispatcher whose process died, its leases unexpired', async () => {
    // The claims every process sees, as PostgreSQL keeps advisory locks: a dead session's go.
    const holders = new Map<string, string>();
    const dead = new Set<string>();
    const claimsOf = (process: string): EndpointClaims => ({
      claim: async (id) => {
        if (dead.has(process)) return false;
        if (!holders.has(id)) holders.set(id, process);
        return holders.get(id) === process;
      },
      holds: (id) => holders.get(id) === process,
      release: async (id) => {
        if (holders.get(id) === process) holders.delete(id);
      },
    });
    // The dead process's connection is gone too: it hands nothing back, its lease stays.
    const cutOff = new Proxy(documents, {
      get: (target, name, receiver) => {
        const value = Reflect.get(target, name, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) =>
          dead.has('a')
            ? Promise.reject(new Error('connection terminated'))
            : (value as (...a: unknown[]) => unknown).apply(target, args);
      },
    });
    await register('/one');
    const [a, b] = [dispatcher(claimsOf('a'), cutOff), dispatcher(claimsOf('b'))];
    await a.start();
    await eventually('the first dispatcher took the endpoint', () => a.status().length === 1);
    await b.start();
    const ids = await append('customer-1', 'CustomerCreated', 5);
    await eventually('the endpoint got them', () => uniqueAccepted('/one').size === 5);

    dead.add('a');
    for (const [id, holder] of holders) if (holder === 'a') holders.delete(id);
    await eventually('the dead one stopped working it', () => a.status().length === 0);
    const later = await append('customer-1', 'CustomerCreated', 5);

    await eventually(
      'the second took over before the lease expired',
      () => b.status().length === 1,
    );
    await eventually('everything arrived', () => uniqueAccepted('/one').size === 10);
    expect([...uniqueAccepted('/one')].sort()).toEqual([...ids, ...later].sort());
  });

  it('stops delivering to a deleted endpoint and forgets its queue', async () => {
    const hook = await register('/gone');
    receiver.answerWith(() => 'fail');
    await append('customer-1', 'CustomerCreated', 2);
    await dispatcher().start();
    await eventually('an attempt was made', () => receiver.requests.length > 0);

    await admin.remove(hook.id);
    const seen = receiver.requests.length;
    await append('customer-2', 'CustomerCreated');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.requests.length).toBeLessThanOrEqual(seen + 1);
    expect(await documents.count(DELIVERIES_COLLECTION, { endpointId: hook.id })).toBe(0);
    await expect(admin.details(hook.id)).rejects.toMatchObject({
      error: { code: 'WEBHOOK_NOT_FOUND' },
    });
  });

  it('records the attempt in flight when it stops, and a restart carries on', async () => {
    const hook = await register('/restart');
    receiver.answerWith(() => 'hang');
    const [id] = await append('customer-1', 'CustomerCreated');
    const first = dispatcher();
    await first.start();
    await eventually('the request is in flight', () => receiver.requests.length === 1);
    await first.stop();
    expect(await admin.details(hook.id)).toMatchObject({
      failedAttempts: 1,
      pending: 1,
      lastError: expect.objectContaining({ error: NOT_DELIVERED }),
    });

    receiver.answerWith(() => 'ok');
    await dispatcher().start();
    await eventually('it arrived after the restart', () => uniqueAccepted('/restart').has(id));
  });
});
