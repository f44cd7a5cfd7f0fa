import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allProjections, createPiiProtection, createUpcasters } from '@crm/composition';
import { EmbeddedDocumentStore } from '@crm/documents';
import type { EventStore, RecordedEvent } from '@crm/eventsourcing';
import { ProjectorRunner } from '@crm/eventsourcing';
import type { Stores } from '@crm/platform';
import { createStores, loadConfig, vaultSchema } from '@crm/platform';
import { withRevealedIndexes } from '@crm/security/pii';
import type { TestReceiver } from '../../libs/webhooks/src/testing/test-receiver';
import { startReceiver } from '../../libs/webhooks/src/testing/test-receiver';
import { describeWithPostgres, dropSchema, uniqueSchemaName } from '../support/postgres';
import { freePort } from '../reliability/support/child-service';
import { AppProcess, runCli } from './support/app-process';
import type { Command } from './support/workload';
import { Workload } from './support/workload';
import { contractFetch } from '../support/openapi-contract';

const CUSTOMERS = Number(process.env.SCALE_OUT_CUSTOMERS ?? 400);
const TAGS_PER_CUSTOMER = 4;
const CONCURRENCY = 32;
const ADMIN_KEY = `scale-admin-${randomBytes(12).toString('hex')}`;

const until = async (what: string, check: () => Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

/**
 * Issue 18's scale-out proof: two crm-api and two crm-projector processes on one PostgreSQL
 * schema, a few thousand keyed commands over both APIs, one API and one projector killed
 * with SIGKILL in the middle, unanswered requests retried with their keys.
 */
describeWithPostgres('two APIs and two projectors on one database', (url) => {
  jest.setTimeout(300_000);
  const schema = uniqueSchemaName('scale');
  const logs = mkdtempSync(join(tmpdir(), 'crm-scale-out-'));
  const processes: AppProcess[] = [];
  let receiver: TestReceiver;
  let stores: Stores;
  let env: Record<string, string>;

  beforeAll(async () => {
    receiver = await startReceiver();
    env = {
      POSTGRES_URL: url,
      POSTGRES_SCHEMA: schema,
      CRM_MASTER_KEY: randomBytes(32).toString('hex'),
      CRM_ADMIN_KEY: ADMIN_KEY,
      CRM_DATA_DIR: join(logs, 'data'),
      RATE_LIMIT_PER_MINUTE: '0',
      READ_WAIT_TIMEOUT_MS: '5000',
      WEBHOOK_ALLOW_LOOPBACK: 'true',
      WEBHOOK_POLL_INTERVAL_MS: '100',
      WEBHOOK_BACKOFF_BASE_MS: '100',
      WEBHOOK_BACKOFF_MAX_MS: '1000',
    };
    for (const n of [1, 2]) {
      const port = String(await freePort());
      processes.push(
        new AppProcess(
          `api-${n}`,
          'crm-api',
          { ...env, PORT: port, LOG_LEVEL: 'warn' },
          join(logs, `api-${n}.log`),
        ),
        new AppProcess(
          `projector-${n}`,
          'crm-projector',
          { ...env, PORT: port, LOG_LEVEL: 'info' },
          join(logs, `projector-${n}.log`),
        ),
      );
    }
    // The first process creates the schema; the others then start at once on it.
    await startAll(processes.slice(0, 1));
    await startAll(processes.slice(1));
    // The test's own view of the database, as one more process of the deployment.
    stores = await createStores(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
  });

  afterAll(async () => {
    await Promise.allSettled(processes.map((p) => p.kill()));
    await receiver?.close();
    await stores?.close();
    await dropSchema(url, schema);
    await dropSchema(url, vaultSchema(schema));
    rmSync(logs, { recursive: true, force: true });
  });

  it('loses no acknowledged write, skips no event and delivers every webhook through kill -9', async () => {
    const [api1, projector1, api2] = processes as [AppProcess, AppProcess, AppProcess];
    const admin = (api: AppProcess, method: string, path: string, body?: unknown) =>
      contractFetch(`${api.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    // An API key made through one API works on the other: keys live in the shared store.
    const created = await admin(api1, 'POST', '/admin/api-keys', { name: 'load', role: 'service' });
    const serviceKey = ((await created.json()) as { token: string }).token;
    const hook = await admin(api2, 'POST', '/admin/webhooks', {
      url: receiver.url('/hook'),
      eventTypes: ['*'],
    });
    expect(hook.status).toBe(201);

    const workload = new Workload(
      [api1, api2],
      serviceKey,
      ADMIN_KEY,
      CUSTOMERS,
      TAGS_PER_CUSTOMER,
    );
    const killAfter = Math.floor(workload.total / 2);
    let killed = false;
    await workload.run(CONCURRENCY, async (done) => {
      if (killed || done < killAfter) return;
      killed = true;
      await Promise.all([api1.kill(), projector1.kill()]);
    });
    const retries = await workload.retryUnanswered(api2);
    const replays = await workload.replayAnswered(api2, 50);

    // Every acknowledged write is in the log exactly once, where its answer said.
    const { events, documents } = stores;
    const log = await readWholeLog(events);
    const byPlace = new Map(log.map((e) => [`${e.streamId}@${e.revision}`, e]));
    for (const command of workload.commands) expectRecorded(command, byPlace);
    expect(log).toHaveLength(workload.commands.length);
    const head = log.at(-1)?.position ?? 0;

    // Every projection reached the head in the database and equals a fresh rebuild.
    const names = allProjections.map((p) => p.name);
    await until(
      'every projection reached the head',
      async () => {
        const stored = await Promise.all(names.map((n) => documents.getCheckpoint(n)));
        return stored.every((position) => position !== null && position >= head);
      },
      90_000,
    );
    // A rebuild through the surviving API swaps a fresh copy in under the running projector.
    const rebuild = await admin(api2, 'POST', '/admin/projections/customer-profile/rebuild');
    expect(rebuild.status).toBe(202);
    await until(
      'the rebuild is done',
      async () => {
        const overview = JSON.stringify(
          await (await admin(api2, 'GET', '/admin/projections')).json(),
        );
        if (overview.includes('"state":"failed"')) throw new Error(`rebuild failed: ${overview}`);
        return /"projection":"customer-profile","state":"done"/.test(overview);
      },
      90_000,
    );
    const collectionsChecked = await expectEqualToFreshRebuild(stores, head);

    // The surviving projector took every projection over from the killed one.
    const taken = takenLocks(join(logs, 'projector-2.log'));
    expect(names.filter((n) => !taken.has(`projection:${n}`))).toEqual([]);
    const ready = await contractFetch(`${api2.url}/health/ready`);
    expect(ready.status).toBe(200);
    const metrics = await (await contractFetch(`${api2.url}/metrics`)).text();
    expect(metrics).toContain('crm_');

    expect(workload.crossReads).toBeGreaterThan(0);
    expect(workload.raced).toBeGreaterThan(0);
    // Read-your-writes across processes: written through api-1 (now dead) or api-2, read on api-2.
    for (const command of workload.commands.filter((c) => c.kind === 'create').slice(0, 20)) {
      const read = await admin(
        api2,
        'GET',
        `/customers/${command.answer?.id}?minPosition=${command.answer?.position}`,
      );
      expect(read.status).toBe(200);
    }

    // The log's hash chain holds.
    const verify = await runCli(['verify'], { ...env, LOG_LEVEL: 'warn' });
    expect({ code: verify.code, output: verify.output }).toEqual({
      code: 0,
      output: expect.any(String),
    });

    // Every event reached the webhook receiver at least once.
    const wanted = new Set(log.map((e) => e.metadata.eventId));
    await until(
      'every event was delivered',
      async () => {
        const got = new Set(receiver.accepted('/hook').map((r) => r.id));
        return [...wanted].every((id) => got.has(id));
      },
      90_000,
    );

    process.stdout.write(
      [
        'scale-out figures:',
        `  commands ${workload.commands.length} (answered first time ${workload.firstTimeAnswers}), read back through the other API ${workload.crossReads}, sent to both APIs at once ${workload.raced}`,
        `  kills 2 (api-1 and projector-1 after ${killAfter} commands), requests unanswered ${workload.unanswered}, retried ${retries}, replayed answered ${replays}`,
        `  events checked ${log.length}, head position ${head}, read-model collections compared ${collectionsChecked}`,
        `  webhook requests ${receiver.requests.length} for ${wanted.size} events, locks taken by projector-2 ${taken.size} (projections and endpoints)`,
        '',
      ].join('\n'),
    );
  });
});

/** The locks a projector logged taking (`lock taken`, one JSON line each). */
const takenLocks = (logFile: string): Set<string> =>
  new Set(
    readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"lock taken"'))
      .map((line) => (JSON.parse(line) as { lock: string }).lock),
  );

const startAll = async (processes: AppProcess[]): Promise<void> => {
  for (const p of processes) p.start();
  await Promise.all(processes.map((p) => p.started()));
};

const readWholeLog = async (events: EventStore): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  let from = 0;
  for (;;) {
    const page = await events.readAll({ fromPosition: from, limit: 1000 });
    all.push(...page.events);
    if (page.events.length === 0) return all;
    from = page.position;
  }
};

const expectRecorded = (command: Command, byPlace: Map<string, RecordedEvent>): void => {
  const answer = command.answer;
  expect(answer).toBeDefined();
  const event = byPlace.get(`customer-${answer?.id}@${answer?.streamRevision}`);
  expect({ key: command.key, type: event?.type, position: event?.position }).toEqual({
    key: command.key,
    type: command.kind === 'create' ? 'CustomerCreated' : 'CustomerTagged',
    position: answer?.position,
  });
  if (command.kind === 'tag') expect(event?.data).toMatchObject({ tag: command.tag });
};

/** Runs every projection from position 0 into a fresh in-memory store and compares. */
const expectEqualToFreshRebuild = async (stores: Stores, head: number): Promise<number> => {
  const { documents } = stores;
  const fresh = new EmbeddedDocumentStore({ filename: ':memory:' });
  // As crm-projector reads the log: blind indexes revealed for the look-up documents.
  const events = withRevealedIndexes(stores.events, createPiiProtection(stores.dataKeys));
  const runner = new ProjectorRunner(events, fresh, allProjections, {
    upcaster: createUpcasters(),
  });
  let compared = 0;
  try {
    await runner.start();
    const names = allProjections.map((p) => p.name);
    expect(await runner.waitFor(names, head, 120_000)).toBe(true);
    await runner.stop();
    for (const projection of allProjections) {
      for (const { name } of projection.collections) {
        const all = { limit: 1_000_000, sort: { _id: 1 as const } };
        const [live, rebuilt] = await Promise.all([
          documents.find(name, {}, all),
          fresh.find(name, {}, all),
        ]);
        expect({ collection: name, documents: live.items }).toEqual({
          collection: name,
          documents: rebuilt.items,
        });
        compared += 1;
      }
    }
  } finally {
    await runner.stop();
    await fresh.close();
  }
  return compared;
};
