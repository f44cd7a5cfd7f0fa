import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Client } from 'pg';
import { v4 as uuidv4 } from 'uuid';
import type { CommandContext } from '@crm/eventsourcing';
import { CommandRunner, PostgresEventStore, isDomainError } from '@crm/eventsourcing';
import {
  eventStoreSchema,
  eventTables,
} from '../../libs/eventsourcing/src/adapters/postgres/postgres-event-store.schema';
import type { ScriptedCommand } from '../lib/crm-script';
import type { ResultRow } from '../lib/report';
import { median, nowMs, round } from '../lib/stats';
import type { Workload, WorkloadContext } from '../lib/workload';
import { fmtRate, perSecond, reportSkipped, rotated } from '../lib/workload';
import { commandScript, runConcurrently, runScripted } from './commands.workload';

/** Emmett's PostgreSQL store lives apart: the registry has it at 0.42.0 only (see its package.json). */
const EMMETT_DIR = join(__dirname, '..', 'emmett-postgresql');
const CONCURRENCY = 32;
const PAGE = 1000;

const CONTEXT: CommandContext = {
  actor: { id: 'bench', role: 'service' },
  correlationId: 'bench-correlation',
};

type EmmettStore = { appendToStream: unknown; close(): Promise<void> };
type EmmettHandle = (
  store: EmmettStore,
  id: string,
  handle: (state: unknown) => unknown,
) => Promise<unknown>;
type Emmett = {
  getPostgreSQLEventStore(connectionString: string): EmmettStore;
  CommandHandler(options: {
    evolve: (state: unknown, event: unknown) => unknown;
    initialState: () => unknown;
    retry?: unknown;
  }): EmmettHandle;
};

const loadEmmett = (quick: boolean): Emmett | string => {
  const installed = (): boolean =>
    existsSync(join(EMMETT_DIR, 'node_modules', '@event-driven-io', 'emmett-postgresql'));
  if (!installed() && !quick) {
    spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: EMMETT_DIR, stdio: 'inherit' });
  }
  if (!installed()) {
    return '`npm --prefix bench/emmett-postgresql ci` installs the Emmett PostgreSQL store (a full run does it by itself); not installed, so no Emmett figures.';
  }
  const requireEmmett = createRequire(join(EMMETT_DIR, 'package.json'));
  try {
    const pg = requireEmmett('@event-driven-io/emmett-postgresql') as Pick<
      Emmett,
      'getPostgreSQLEventStore'
    >;
    const core = requireEmmett('@event-driven-io/emmett') as Pick<Emmett, 'CommandHandler'>;
    return {
      getPostgreSQLEventStore: pg.getPostgreSQLEventStore,
      CommandHandler: core.CommandHandler,
    };
  } catch (error) {
    return `Emmett could not be loaded here: ${error instanceof Error ? error.message : String(error)}`;
  }
};

const serverUrl = (): string =>
  process.env.POSTGRES_URL ??
  process.env.POSTGRES_TEST_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

/** The same server, another database (Emmett keeps its tables in `public`). */
const onDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

type Variant = { name: string; run(commands: readonly ScriptedCommand[]): Promise<unknown> };

/**
 * The baseline: node-postgres on the same table and indexes, one transaction per command with
 * `SELECT max(revision)` as the version check and one INSERT per event, same server settings.
 */
const rawVariant = async (client: Client, schema: string): Promise<Variant> => {
  const tables = eventTables(schema);
  await client.query(eventStoreSchema(tables));
  const append = async (command: ScriptedCommand): Promise<void> => {
    await client.query('BEGIN');
    const { rows } = await client.query<{ revision: string | null }>(
      `SELECT max(revision) AS revision FROM ${tables.events} WHERE stream_id = $1`,
      [command.streamId],
    );
    const current = rows[0]?.revision == null ? null : Number(rows[0].revision);
    const expected = command.expected === 'no_stream' ? null : command.expected;
    if (current !== expected) throw new Error(`raw: ${command.streamId} is at ${current}`);
    let next = current ?? -1;
    for (const event of command.events) {
      next += 1;
      const eventId = uuidv4();
      const commandId = uuidv4();
      const metadata = {
        eventId,
        commandId,
        correlationId: CONTEXT.correlationId,
        causationId: commandId,
        actor: CONTEXT.actor,
        occurredAt: new Date().toISOString(),
        schemaVersion: 1,
        customerId: command.customerId,
      };
      await client.query(
        `INSERT INTO ${tables.events} (event_id, stream_id, revision, type, schema_version, data, metadata,
           command_id, customer_id, recorded_at, previous_hash, hash)
         VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $8, $9, '', '')`,
        [
          eventId,
          command.streamId,
          next,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(metadata),
          commandId,
          command.customerId,
          metadata.occurredAt,
        ],
      );
    }
    await client.query('COMMIT');
  };
  return {
    name: 'raw',
    run: async (commands) => {
      for (const command of commands) await append(command);
    },
  };
};

const emmettVariant = (
  name: string,
  emmett: Emmett,
  store: EmmettStore,
  concurrency: number,
  failures: string[],
): Variant => {
  const handlers = new Map<unknown, EmmettHandle>();
  const handlerFor = (decider: ScriptedCommand['decider']): EmmettHandle => {
    let handle = handlers.get(decider);
    if (!handle) {
      handle = emmett.CommandHandler({
        evolve: decider.evolve,
        initialState: () => decider.initialState,
        // Concurrent handlers meet on hot streams: reload and decide again, as our runner does.
        retry: { onVersionConflict: 10 },
      });
      handlers.set(decider, handle);
    }
    return handle;
  };
  return {
    name,
    run: (commands) =>
      runConcurrently(commands, concurrency, async (command) => {
        try {
          await handlerFor(command.decider)(store, command.streamId, (state) => {
            const decision = command.decider.decide(command.command, state);
            if (isDomainError(decision)) throw new Error(decision.message);
            return [...decision];
          });
          return true;
        } catch (error) {
          failures.push(error instanceof Error ? error.message : String(error));
          return false;
        }
      }),
  };
};

const oursVariant = (name: string, store: PostgresEventStore, concurrency: number): Variant => {
  const runner = new CommandRunner(store);
  return {
    name,
    run: (commands) => runConcurrently(commands, concurrency, (c) => runScripted(runner, c)),
  };
};

/** Appends `total` small events through our store, 100 per append, 50 streams at a time. */
const fillLog = async (store: PostgresEventStore, total: number): Promise<void> => {
  const perAppend = 100;
  const appends = Math.ceil(total / perAppend);
  let next = 0;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (next < appends) {
        next += 1;
        const customerId = uuidv4();
        const events = Array.from({ length: perAppend }, (_, n) => {
          const eventId = uuidv4();
          return {
            type: n === 0 ? 'CustomerCreated' : 'CustomerNoteAdded',
            data: { customerId, note: `note ${n}`, at: new Date().toISOString() },
            metadata: {
              eventId,
              commandId: eventId,
              correlationId: CONTEXT.correlationId,
              causationId: eventId,
              actor: CONTEXT.actor,
              occurredAt: new Date().toISOString(),
              schemaVersion: 1,
              customerId,
            },
          };
        });
        await store.append(`customer-${customerId}`, events, 'no_stream');
      }
    }),
  );
};

const catchUp = async (
  context: WorkloadContext,
  admin: Client,
  url: string,
  schema: string,
): Promise<{ ours: number; raw: number; events: number }> => {
  const store = await PostgresEventStore.connect({ connectionString: url, schema });
  await fillLog(store, context.quick ? 20_000 : 200_000);
  const counted = await admin.query<{ n: string }>(
    `SELECT count(*) AS n FROM ${eventTables(schema).events}`,
  );
  const events = Number(counted.rows[0]?.n ?? 0);
  const raw = new Client({ connectionString: url });
  await raw.connect();
  let checksum = 0;
  const variants = {
    raw: async () => {
      let position = 0;
      for (;;) {
        const { rows } = await raw.query<{
          position: string;
          data: Record<string, unknown>;
          metadata: Record<string, unknown>;
        }>(
          `SELECT position, stream_id, revision, type, data, metadata, recorded_at
           FROM ${eventTables(schema).events} WHERE position > $1 ORDER BY position LIMIT ${PAGE}`,
          [position],
        );
        if (rows.length === 0) return;
        for (const row of rows) {
          checksum += Object.keys(row.data).length + Object.keys(row.metadata).length;
        }
        position = Number(rows.at(-1)?.position ?? position);
      }
    },
    ours: async () => {
      let position = 0;
      for (;;) {
        const page = await store.readAll({ fromPosition: position, limit: PAGE });
        if (page.events.length === 0) return;
        for (const event of page.events) {
          checksum += Object.keys(event.data).length + Object.keys(event.metadata).length;
        }
        position = page.position;
      }
    },
  };
  const rates: Record<'raw' | 'ours', number[]> = { raw: [], ours: [] };
  for (let r = 0; r < 3; r += 1) {
    for (const name of rotated(['raw', 'ours'] as const, r)) {
      const started = nowMs();
      await variants[name]();
      rates[name].push(perSecond(events, nowMs() - started));
    }
    context.log(
      `postgres catch-up round ${r + 1}: raw ${Math.round(rates.raw.at(-1) ?? 0)}/s, ours ${Math.round(rates.ours.at(-1) ?? 0)}/s (checksum ${checksum})`,
    );
  }
  await raw.end();
  await store.close();
  return { ours: median(rates.ours), raw: median(rates.raw), events };
};

/**
 * Our PostgreSQL event store under the command runner against raw node-postgres (one command,
 * one transaction) and against Emmett's PostgreSQL store with the same deciders, one handler
 * and 32 concurrent handlers; then a catch-up read of the log against a raw SELECT.
 */
export const postgresWorkload: Workload = async (context) => {
  const url = serverUrl();
  const admin = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    reportSkipped(
      `no PostgreSQL at ${url.replace(/\/\/[^@/]*@/, '//')} (${error instanceof Error ? error.message : String(error)})`,
    );
    return [];
  }
  const prefix = `bench_${randomBytes(4).toString('hex')}`;
  const schemas: string[] = [];
  const databases: string[] = [];
  const database = async (name: string): Promise<string> => {
    const full = `${prefix}_${name}`;
    databases.push(full);
    await admin.query(`CREATE DATABASE "${full}"`);
    return onDatabase(url, full);
  };
  const schema = async (name: string): Promise<string> => {
    const full = `${prefix}_${name}`;
    schemas.push(full);
    await admin.query(`CREATE SCHEMA "${full}"`);
    return full;
  };
  const durability = (await admin.query<{ synchronous_commit: string }>('SHOW synchronous_commit'))
    .rows[0]?.synchronous_commit;
  const setting = `PostgreSQL synchronous_commit=${durability ?? '?'}`;
  const emmett = loadEmmett(context.quick);
  if (typeof emmett === 'string') reportSkipped(emmett);
  const emmettFailures: string[] = [];
  const closers: (() => Promise<void>)[] = [];
  try {
    const { setup, timed } = commandScript(
      context.quick
        ? { customers: 100, rounds: 3, perRound: 150 }
        : { customers: 1_000, rounds: 6, perRound: 600 },
    );
    const rawClient = new Client({ connectionString: url });
    await rawClient.connect();
    closers.push(() => rawClient.end());
    const ours = async (name: string, concurrency: number): Promise<Variant> => {
      const store = await PostgresEventStore.connect({
        connectionString: url,
        schema: await schema(name),
      });
      closers.push(() => store.close());
      return oursVariant(name, store, concurrency);
    };
    const variants: Variant[] = [
      await rawVariant(rawClient, await schema('raw')),
      await ours('ours', 1),
      await ours('ours_x32', CONCURRENCY),
    ];
    if (typeof emmett !== 'string') {
      for (const [name, concurrency] of [
        ['emmett', 1],
        ['emmett_x32', CONCURRENCY],
      ] as const) {
        const store = emmett.getPostgreSQLEventStore(await database(name));
        closers.push(() => store.close());
        variants.push(emmettVariant(name, emmett, store, concurrency, emmettFailures));
      }
    }
    for (const variant of variants) {
      // One command alone first: Emmett migrates its schema on first use, and 32 handlers
      // racing into that migration exhaust its pool (each holds a connection, it needs another).
      await variant.run(setup.slice(0, 1));
      await variant.run(setup.slice(1));
    }
    const rates = new Map<string, number[]>(variants.map((v) => [v.name, []]));
    for (const [index, commands] of timed.entries()) {
      for (const variant of rotated(variants, index)) {
        const started = nowMs();
        await variant.run(commands);
        rates.get(variant.name)?.push(perSecond(commands.length, nowMs() - started));
      }
      context.log(
        `postgres round ${index + 1}/${timed.length}: ${variants.map((v) => `${v.name} ${Math.round(rates.get(v.name)?.at(-1) ?? 0)}/s`).join(', ')}`,
      );
    }
    const rate = (name: string): number => median(rates.get(name) ?? []);
    const caught = await catchUp(context, admin, url, await schema('catchup'));

    const rows: ResultRow[] = [
      {
        workload: 'PostgreSQL: single-event command through the command runner (no PII)',
        setting,
        ours: fmtRate(rate('ours')),
        baseline: `raw pg: one transaction, version check + insert: ${fmtRate(rate('raw'))}`,
        ratio: round(rate('ours') / rate('raw'), 2),
        target: '≥ 0.7× raw',
        met: rate('ours') / rate('raw') >= 0.7,
        note: 'One handler means one transaction and one WAL flush per command on every side, so the flush sets the pace. Ours writes more per commit than the raw baseline: the lock on the chain head row, its update (the hash chain) and a NOTIFY, in two round trips against four for raw.',
        details: { ratesPerRound: Object.fromEntries(rates), commandsPerRound: timed[0]?.length },
      },
      {
        workload: `PostgreSQL: catch-up read of the global log with decoding (${caught.events.toLocaleString('en-US')} events, pages of ${PAGE})`,
        setting: 'read',
        ours: fmtRate(caught.ours, 'events/s'),
        baseline: `raw SELECT (pg parses the json columns): ${fmtRate(caught.raw, 'events/s')}`,
        ratio: round(caught.ours / caught.raw, 2),
        target: '≥ 100k events/s',
        met: caught.ours >= 100_000,
        note: 'Client-side decoding on the one Node thread bounds both sides; ours reads data and metadata as text and decodes metadata with the pattern the SQLite store uses, which is why it beats pg parsing the json columns. The figure moves with the load of the machine (see the header).',
      },
    ];
    if (typeof emmett !== 'string') {
      const failures = emmettFailures.length
        ? ` Emmett failed ${emmettFailures.length} commands (first: ${emmettFailures[0] ?? ''}); they count as done in its rate.`
        : '';
      rows.push(
        {
          workload:
            'PostgreSQL: single-event command vs Emmett 0.42.0 (emmett-postgresql, same deciders, no PII)',
          setting,
          ours: fmtRate(rate('ours')),
          baseline: `Emmett CommandHandler + PostgreSQL event store: ${fmtRate(rate('emmett'))}`,
          ratio: round(rate('ours') / rate('emmett'), 2),
          target: '≥ 2× Emmett',
          met: rate('ours') / rate('emmett') >= 2,
          note: 'With one handler both stores commit once per command and wait for the same WAL flush: 2× would need fewer flushes per command, which only concurrency (group commit) gives.',
          details: { emmettFailures: emmettFailures.length, first: emmettFailures.slice(0, 5) },
        },
        {
          workload: `PostgreSQL: ${CONCURRENCY} concurrent command handlers vs Emmett with ${CONCURRENCY}`,
          setting,
          ours: fmtRate(rate('ours_x32')),
          baseline: `Emmett, ${CONCURRENCY} handlers (pool): ${fmtRate(rate('emmett_x32'))}`,
          ratio: round(rate('ours_x32') / rate('emmett_x32'), 2),
          target: '≥ 3× Emmett',
          met: rate('ours_x32') / rate('emmett_x32') >= 3,
          note: `Retries on version conflicts on both sides (ours: the runner's; Emmett: onVersionConflict 10).${failures}`,
        },
      );
    }
    return rows;
  } finally {
    for (const close of closers) await close().catch(() => undefined);
    for (const name of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
    for (const name of databases)
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
};
