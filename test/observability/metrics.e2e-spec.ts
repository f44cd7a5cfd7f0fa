import { randomUUID } from 'node:crypto';
import type { Decider, DomainEvent } from '@crm/eventsourcing';
import { CommandRunner } from '@crm/eventsourcing';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import type { Sample } from './prometheus-text';
import { parsePrometheus, samplesOf, valueOf } from './prometheus-text';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('GET /metrics', () => {
  let t: TestApp;
  let service: string;
  let counter = 0;

  beforeAll(async () => {
    t = await startTestApp({ READ_WAIT_TIMEOUT_MS: '150' });
    service = await t.keyFor('service');
  });
  afterAll(() => t.close());

  const scrape = async (): Promise<{ text: string; samples: Sample[] }> => {
    const response = await t.request<string>('GET', '/metrics', { key: null });
    if (response.status !== 200) {
      throw new Error(
        `GET /metrics answered ${response.status}: is ObservabilityModule imported in AppModule?`,
      );
    }
    return { text: response.body, samples: parsePrometheus(response.body) };
  };

  const createCustomer = async (overrides: Record<string, unknown> = {}) => {
    counter += 1;
    return t.request('POST', '/customers', {
      key: service,
      body: {
        name: `Metric Person ${counter}`,
        email: `metric.${counter}@example.com`,
        ...overrides,
      },
    });
  };

  it('is public and speaks the Prometheus text format', async () => {
    const response = await t.request('GET', '/metrics', { key: null });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.body).toContain('# TYPE http_request_duration_seconds histogram');
    expect(response.body).toContain('process_cpu_seconds_total');
  });

  it('times HTTP requests by route pattern and status, never by raw path', async () => {
    const created = await createCustomer();
    const path = `/customers/${created.body.id}?minPosition=${created.body.position}`;
    expect((await t.request('GET', path, { key: service })).status).toBe(200);
    expect((await t.request('GET', path, { key: null })).status).toBe(401);
    expect((await t.request('GET', '/no/such/route', { key: service })).status).toBe(404);

    const { text, samples } = await scrape();
    const count = (route: string, status: string) =>
      valueOf(samples, 'http_request_duration_seconds_count', {
        method: 'GET',
        route,
        status_code: status,
      });
    expect(count('/customers/:id', '200')).toBe(1);
    expect(count('/customers/:id', '401')).toBe(1);
    expect(count('unmatched', '404')).toBe(1);
    expect(
      valueOf(samples, 'http_request_duration_seconds_bucket', {
        method: 'GET',
        route: '/customers/:id',
        status_code: '200',
        le: '+Inf',
      }),
    ).toBe(1);
    expect(text).not.toMatch(UUID);
  });

  it('counts commands by type and outcome', async () => {
    const before = (await scrape()).samples;
    const first = await createCustomer({ email: 'taken@example.com' });
    expect(first.status).toBe(201);
    expect((await createCustomer({ email: 'taken@example.com' })).status).toBe(409);
    expect((await createCustomer({ email: 'not an email' })).status).toBe(400);

    const after = (await scrape()).samples;
    const delta = (outcome: string) =>
      valueOf(after, 'crm_commands_total', { command: 'POST /customers', outcome }) -
      valueOf(before, 'crm_commands_total', { command: 'POST /customers', outcome });
    expect({ ok: delta('ok'), rejected: delta('rejected'), invalid: delta('invalid') }).toEqual({
      ok: 1,
      rejected: 1,
      invalid: 1,
    });
    expect(
      valueOf(after, 'crm_command_duration_seconds_count', {
        command: 'POST /customers',
        outcome: 'ok',
      }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('counts reads that timed out waiting for a read model (503)', async () => {
    const read = await t.request('GET', '/customers?minPosition=999999999', { key: service });
    expect(read.status).toBe(503);
    const { samples } = await scrape();
    expect(valueOf(samples, 'crm_read_model_wait_timeouts_total', { route: '/customers' })).toBe(1);
  });

  it('reports the head of the log and each projector’s position, lag and state', async () => {
    const created = await createCustomer();
    await t.request('GET', `/customers/${created.body.id}?minPosition=${created.body.position}`, {
      key: service,
    });
    const ready = await t.request('GET', '/health/ready'); // detail: admin key
    const projectors: string[] = ready.body.details.projections.projectors.map(
      (p: { name: string }) => p.name,
    );
    expect(projectors.length).toBeGreaterThan(0);

    // Every projector catches up within a moment; the gauges then agree with the log.
    let samples: Sample[] = [];
    for (let attempt = 0; attempt < 50; attempt += 1) {
      samples = (await scrape()).samples;
      if (valueOf(samples, 'crm_projector_lag_events') === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const head = valueOf(samples, 'crm_event_store_head_position');
    expect(head).toBeGreaterThanOrEqual(created.body.position);
    for (const projector of projectors) {
      expect(valueOf(samples, 'crm_projector_position', { projector })).toBe(head);
      expect(samplesOf(samples, 'crm_projector_lag_events', { projector })).toEqual([
        expect.objectContaining({ value: 0 }),
      ]);
      expect(valueOf(samples, 'crm_projector_lag_seconds', { projector })).toBe(0);
      expect(valueOf(samples, 'crm_projector_state', { projector, state: 'running' })).toBe(1);
    }
  });

  it('times appends and counts conflicts and retries reported by the command runner', async () => {
    // Two writers decide on the same empty stream; the second append conflicts, reloads and
    // decides again. Driven through the app's own runner: over HTTP the race is not certain.
    const runner = t.app.get(CommandRunner);
    const counterDecider: Decider<null, DomainEvent<'Counted'>, number> = {
      initialState: 0,
      evolve: (state) => state + 1,
      decide: (_command, state) => [{ type: 'Counted', data: { n: state + 1 } }],
    };
    const options = {
      streamId: `metrics-probe-${randomUUID()}`,
      commandType: 'CountProbe',
      context: { actor: { id: 'metrics-test', role: 'service' }, correlationId: randomUUID() },
    };
    const results = await Promise.all([
      runner.run(counterDecider, null, options),
      runner.run(counterDecider, null, options),
    ]);
    expect(results.map((r) => r.nextExpectedRevision).sort()).toEqual([0, 1]);

    const { samples } = await scrape();
    expect(valueOf(samples, 'crm_command_conflicts_total', { command: 'CountProbe' })).toBe(1);
    expect(valueOf(samples, 'crm_command_retries_total', { command: 'CountProbe' })).toBe(1);
    expect(
      valueOf(samples, 'crm_command_runs_total', { command: 'CountProbe', outcome: 'ok' }),
    ).toBe(2);
    expect(
      valueOf(samples, 'crm_event_append_duration_seconds_count', { outcome: 'conflict' }),
    ).toBe(1);
    expect(
      valueOf(samples, 'crm_event_append_duration_seconds_count', { outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      valueOf(samples, 'crm_command_runs_total', { command: 'CreateCustomer', outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(1);
  });
});
