import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { allProjections, createUpcasters } from '@crm/composition';
import { EmbeddedDocumentStore } from '@crm/documents';
import type { EventStore, UpcasterChain } from '@crm/eventsourcing';
import { EVENT_STORE, ProjectorRunner, SqliteEventStore } from '@crm/eventsourcing';
import { aNewEvent } from '@crm/eventsourcing/testing';
import { UPCASTERS } from '@crm/platform';
import { buildCli } from '../../apps/crm-cli/src/cli';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const CUSTOMER_VALUE = 'customer-value-v2';
/** A schema version no code knows yet: what a newer writer (or a bug) could leave in the log. */
const UNKNOWN_VERSION = 99;

type View = { name: string; state: string; stoppedAt?: Record<string, unknown> };

const waitFor = async <T>(probe: () => Promise<T | undefined>, what: string): Promise<T> => {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

const runCli = async (dataDir: string, args: string[]): Promise<string[]> => {
  const lines: string[] = [];
  await buildCli({ CRM_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, (line) =>
    lines.push(line),
  ).parseAsync(['node', 'crm-cli', ...args]);
  return lines;
};

describe('a projection that cannot apply an event (ARCHITECTURE point 6)', () => {
  jest.setTimeout(30_000);
  let t: TestApp;
  let analyst: string;
  let service: string;
  beforeAll(async () => {
    // Reads would wait a minute: a 503 that comes back within the test's time came at once.
    t = await startTestApp({ READ_WAIT_TIMEOUT_MS: '60000' });
    analyst = await t.keyFor('analyst');
    service = await t.keyFor('service');
  });
  afterAll(() => t.close());

  const projection = async (name: string): Promise<View | undefined> =>
    ((await t.request('GET', '/admin/projections')).body as View[]).find((p) => p.name === name);

  it('stops at the event, says so everywhere, lets other reads go on, and resumes there once an upcaster fixes it', async () => {
    const customer = await t.request('POST', '/customers', {
      key: service,
      body: { name: 'Poppy Poison', email: 'poppy@example.com' },
    });
    expect(customer.status).toBe(201);
    const customerId = customer.body.id as string;

    // An order event the customer-value projection throws on (its placedAt is no date).
    const orderId = randomUUID();
    const poison = await t.app.get<EventStore>(EVENT_STORE).append(
      `order-${orderId}`,
      [
        aNewEvent({
          type: 'OrderPlaced',
          data: {
            orderId,
            customerId,
            currency: 'EUR',
            lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: 1234 }],
            total: 1234,
            campaignId: null,
            placedAt: 'yesterday-ish',
          },
          metadata: { schemaVersion: UNKNOWN_VERSION, customerId },
        }),
      ],
      'no_stream',
    );

    const stopped = await waitFor(async () => {
      const view = await projection(CUSTOMER_VALUE);
      return view?.state === 'stopped' ? view : undefined;
    }, 'customer-value to stop');
    expect(stopped.stoppedAt).toMatchObject({
      position: poison.position,
      type: 'OrderPlaced',
      streamId: `order-${orderId}`,
      error: expect.stringMatching(/Invalid time value/),
    });

    // A read that needs it answers 503 at once, naming the event and the error.
    for (const path of [`/customers/${customerId}`, '/analytics/rfm']) {
      const waiting = await t.request('GET', `${path}?minPosition=${poison.position}`, {
        key: analyst,
      });
      expect(waiting.status).toBe(503);
      expect(waiting.body.message).toMatch(
        new RegExp(`${CUSTOMER_VALUE} is stopped at event ${poison.position} \\(OrderPlaced\\)`),
      );
    }

    // Reads of other read models go on.
    const ticket = await t.request('POST', '/tickets', {
      key: service,
      body: {
        customerId,
        subject: 'Still here',
        description: 'Other read models keep up',
        category: 'billing',
        channel: 'email',
        priority: 'normal',
      },
    });
    expect(ticket.status).toBe(201);
    const read = await t.request(
      'GET',
      `/tickets/${ticket.body.id}?minPosition=${ticket.body.position}`,
      { key: analyst },
    );
    expect(read.status).toBe(200);

    // Readiness: the public answer is the status alone; an admin sees the event and error.
    const anonymous = await t.request('GET', '/health/ready', { key: null });
    expect(anonymous.status).toBe(503);
    expect(JSON.stringify(anonymous.body)).not.toMatch(/customer-value|OrderPlaced|Invalid time/);
    const asAnalyst = await t.request('GET', '/health/ready', { key: analyst });
    expect(JSON.stringify(asAnalyst.body)).not.toMatch(/customer-value/);
    const asAdmin = await t.request('GET', '/health/ready');
    expect(asAdmin.status).toBe(503);
    expect(asAdmin.body.health.error.projections.message).toContain(
      `${CUSTOMER_VALUE} stopped at event ${poison.position} (OrderPlaced): Invalid time value`,
    );

    // Metrics say the same.
    const metrics = await t.request('GET', '/metrics', { key: null });
    expect(metrics.body).toContain(
      `crm_projector_stopped_event_position{projector="${CUSTOMER_VALUE}",event_type="OrderPlaced"} ${poison.position}`,
    );
    expect(metrics.body).toContain(
      `crm_projector_state{projector="${CUSTOMER_VALUE}",state="stopped"} 1`,
    );

    // So does the CLI, from the stores.
    const cli = (await runCli(t.dataDir, ['projections'])).join('\n');
    expect(cli).toMatch(new RegExp(`${CUSTOMER_VALUE}\\s+stopped`));
    expect(cli).toContain(`stopped at event ${poison.position} (OrderPlaced`);

    // The fix ships as an upcaster: the projection resumes at that very event.
    t.app.get<UpcasterChain>(UPCASTERS).register('OrderPlaced', UNKNOWN_VERSION, (data) => ({
      ...data,
      placedAt: '2026-01-02T03:04:05.000Z',
    }));
    await waitFor(async () => {
      const view = await projection(CUSTOMER_VALUE);
      return view?.state === 'running' ? view : undefined;
    }, 'customer-value to resume');
    const profile = await t.request(
      'GET',
      `/customers/${customerId}?minPosition=${poison.position}`,
      {
        key: analyst,
      },
    );
    expect(profile.status).toBe(200);
    expect(JSON.stringify(profile.body)).toContain('"amount":1234');
    expect((await projection(CUSTOMER_VALUE))?.stoppedAt).toBeUndefined();
    await waitFor(async () => {
      const ready = await t.request('GET', '/health/ready', { key: null });
      return ready.status === 200 ? ready : undefined;
    }, 'readiness');
    expect((await t.request('GET', '/health/ready', { key: null })).body).toEqual({
      status: 'ok',
    });
    expect((await runCli(t.dataDir, ['projections'])).join('\n')).not.toMatch(/stopped/);
  });

  it('answers readiness with the status alone to anyone, and with every store and projector to an admin', async () => {
    await waitFor(async () => {
      const ready = await t.request('GET', '/health/ready', { key: null });
      return ready.status === 200 ? ready : undefined;
    }, 'readiness');
    for (const key of [null, analyst, 'not-a-key']) {
      const ready = await t.request('GET', '/health/ready', { key });
      expect(ready.body).toEqual({ status: 'ok' });
    }
    const detailed = await t.request('GET', '/health/ready');
    expect(detailed.status).toBe(200);
    expect(detailed.body.details.projections.projectors).toContainEqual(
      expect.objectContaining({ name: CUSTOMER_VALUE, state: 'running', behind: false }),
    );
    expect(detailed.body.details).toHaveProperty('eventStore');
  });
});

describe('a projection stopped in another process (RUN_PROJECTORS=false)', () => {
  jest.setTimeout(30_000);

  it('shows in the admin view, and reads that need it answer 503 with the event', async () => {
    const t = await startTestApp({ RUN_PROJECTORS: 'false', READ_WAIT_TIMEOUT_MS: '60000' });
    const events = new SqliteEventStore({
      filename: join(t.dataDir, 'events.sqlite'),
      pollIntervalMs: 20,
    });
    const documents = new EmbeddedDocumentStore({
      filename: join(t.dataDir, 'documents.sqlite'),
    });
    const worker = new ProjectorRunner(events, documents, allProjections, {
      upcaster: createUpcasters(),
    });
    await worker.start();
    try {
      const customer = await t.request('POST', '/customers', {
        body: { name: 'Wren Worker', email: 'wren@example.com' },
      });
      const orderId = randomUUID();
      const poison = await events.append(
        `order-${orderId}`,
        [
          aNewEvent({
            type: 'OrderPlaced',
            data: {
              orderId,
              customerId: customer.body.id,
              currency: 'EUR',
              lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: 5 }],
              total: 5,
              campaignId: null,
              placedAt: 'not a date',
            },
            metadata: { customerId: customer.body.id },
          }),
        ],
        'no_stream',
      );
      await waitFor(async () => {
        const views = (await t.request('GET', '/admin/projections')).body as View[];
        const view = views.find((p) => p.name === CUSTOMER_VALUE);
        return view?.state === 'stopped' ? view : undefined;
      }, 'the worker to record the stop');

      const read = await t.request(
        'GET',
        `/customers/${customer.body.id}?minPosition=${poison.position}`,
      );
      expect(read.status).toBe(503);
      expect(read.body.message).toContain(
        `${CUSTOMER_VALUE} is stopped at event ${poison.position} (OrderPlaced)`,
      );
    } finally {
      await worker.stop();
      await events.close();
      await documents.close();
      await t.close();
    }
  });
});
