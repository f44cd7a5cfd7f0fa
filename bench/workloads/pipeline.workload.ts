import { join } from 'node:path';
import { EmbeddedDocumentStore } from '@crm/documents';
import { ProjectorRunner, SqliteEventStore } from '@crm/eventsourcing';
import { allProjections, createUpcasters } from '@crm/composition';
import { pipelineProjections } from '@crm/pipeline';
import { appEntry } from '../lib/build-app';
import { PipelinedWriter } from '../lib/dataset';
import type { PipelineScriptInfo } from '../lib/pipeline-script';
import { pipelineScript, pipelineScriptEnd, pipelineScriptInfo } from '../lib/pipeline-script';
import type { ResultRow } from '../lib/report';
import { seededRandom } from '../lib/rng';
import type { ServerProcess } from '../lib/server-process';
import { http, startServer } from '../lib/server-process';
import type { Latency } from '../lib/stats';
import { latency, nowMs, round } from '../lib/stats';
import { BENCH_MASTER_KEY, openStores } from '../lib/stores';
import type { Workload, WorkloadContext } from '../lib/workload';
import { fmtRate, rotated } from '../lib/workload';

const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';
const DAY_MS = 24 * 3600 * 1000;
const TARGET_P99_MS = 100;
/** The baseline's size: the same queries on a hundredth of the deals, served beside it. */
const BASELINE_OPPORTUNITIES = 1_000;

type Built = {
  opportunities: number;
  info: PipelineScriptInfo;
  dir: string;
  head: number;
  events: number;
  writeMs: number;
  projectMs: number;
};

/** Writes the seeded sales history into a data folder of its own, then builds every read model. */
const build = async (
  context: WorkloadContext,
  opportunities: number,
  end: number,
): Promise<Built> => {
  const options = { seed: 42, customers: Math.max(200, opportunities / 5), opportunities };
  const info = pipelineScriptInfo(options, end);
  const dir = join(context.workDir, `pipeline-${opportunities}`);
  const stores = openStores(dir, context.durability);
  let started = nowMs();
  // Data keys first, one at a time (concurrent first uses of a customer would race to create it).
  for (const customerId of info.customerIds)
    await stores.pii.protectData('CustomerNoteAdded', customerId, { text: '' });
  const writer = new PipelinedWriter(stores);
  let events = 0;
  for (const scripted of pipelineScript(options, end)) {
    events += scripted.events.length;
    await writer.write(scripted);
  }
  await writer.flush();
  const writeMs = nowMs() - started;
  const head = await stores.events.headPosition();
  await stores.close();
  context.log(
    `${opportunities.toLocaleString('en-US')} opportunities: ${events.toLocaleString('en-US')} events written in ${Math.round(writeMs)} ms`,
  );

  global.gc?.();
  const log = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
  const documents = new EmbeddedDocumentStore({ filename: join(dir, 'documents.sqlite') });
  const runner = new ProjectorRunner(log, documents, allProjections, {
    upcaster: createUpcasters(),
    batchSize: 500,
  });
  started = nowMs();
  await runner.start();
  const caughtUp = await runner.waitFor(
    allProjections.map((p) => p.name),
    head,
    60 * 60 * 1000,
  );
  const projectMs = nowMs() - started;
  await runner.stop();
  await log.close();
  await documents.close();
  if (!caughtUp) throw new Error(`read models of ${dir} did not catch up`);
  context.log(`read models caught up in ${Math.round(projectMs)} ms`);
  return { opportunities, info, dir, head, events, writeMs, projectMs };
};

const serve = async (
  context: WorkloadContext,
  built: Built,
): Promise<{ server: ServerProcess; key: string }> => {
  const entry = appEntry(context.workDir);
  const server = await startServer(
    entry.args,
    {
      ...entry.env,
      CRM_DATA_DIR: built.dir,
      CRM_ADMIN_KEY: ADMIN_KEY,
      CRM_MASTER_KEY: BENCH_MASTER_KEY,
      SQLITE_SYNCHRONOUS: context.durability,
      LOG_LEVEL: 'warn',
      READ_WAIT_TIMEOUT_MS: '60000',
    },
    '/health/live',
  );
  const created = await http<{ token: string }>(server.url, 'POST', '/admin/api-keys', {
    key: ADMIN_KEY,
    body: { name: 'bench analyst', role: 'analyst' },
  });
  if (created.status !== 201 && created.status !== 200) {
    await server.stop();
    throw new Error(`could not create an analyst key: ${created.status}`);
  }
  return { server, key: created.body.token };
};

const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The calendar quarter holding the instant: its first and last day. */
const quarterOf = (ms: number): { from: string; to: string } => {
  const date = new Date(ms);
  const first = Math.floor(date.getUTCMonth() / 3) * 3;
  const from = Date.UTC(date.getUTCFullYear(), first, 1);
  const to = Date.UTC(date.getUTCFullYear(), first + 3, 1) - DAY_MS;
  return { from: utcDay(from), to: utcDay(to) };
};

type Query = { name: string; path: (asOf: number | null) => string; past: boolean };

const QUERIES: Query[] = [
  {
    name: 'pipeline by stage: GET /analytics/pipeline?by=stage',
    path: (asOf) =>
      `/analytics/pipeline?by=stage${asOf === null ? '' : `&asOf=${new Date(asOf).toISOString()}`}`,
    past: false,
  },
  {
    name: 'forecast, this quarter: GET /analytics/pipeline/forecast?from=&to=',
    path: (asOf) => {
      const { from, to } = quarterOf(asOf ?? Date.now());
      return `/analytics/pipeline/forecast?from=${from}&to=${to}${asOf === null ? '' : `&asOf=${new Date(asOf).toISOString()}`}`;
    },
    past: false,
  },
];

type Measured = { latency: Latency; failures: string[] };

/**
 * The pipeline context's analytics over HTTP on 100,000 opportunities (`--quick`: 10,000), now
 * and as of random instants of the last two years, against the same requests on 1,000
 * opportunities served by a second crm-api beside it (rounds alternate between the two, so
 * drift on the shared machine hits both). The ratio says what a hundred times more deals cost.
 */
export const pipelineWorkload: Workload = async (context) => {
  const size = context.quick ? 10_000 : 100_000;
  const end = pipelineScriptEnd();
  const big = await build(context, size, end);
  const small = await build(context, BASELINE_OPPORTUNITIES, end);
  const rows: ResultRow[] = [
    {
      workload: `pipeline dataset: ${size.toLocaleString('en-US')} opportunities over two years (${big.events.toLocaleString('en-US')} events: customers, one 6-stage pipeline re-weighed once, stage moves, wins, losses, reopenings, calls and follow-up tasks)`,
      setting: context.durability,
      ours: `written ${fmtRate(big.events / (big.writeMs / 1000), 'events/s')} (${round(big.writeMs / 1000, 1)} s); every read model built ${fmtRate(big.head / (big.projectMs / 1000), 'events/s')} (${round(big.projectMs / 1000, 1)} s)`,
      baseline: '—',
      ratio: null,
      target: '(setup: decided by the real deciders, PII sealed, pipelined appends)',
      met: null,
      details: {
        events: big.events,
        writeMs: big.writeMs,
        projectMs: big.projectMs,
        pipelineProjections: pipelineProjections.map((p) => p.name),
      },
    },
  ];

  const ours = await serve(context, big);
  const baseline = await serve(context, small).catch(async (error: unknown) => {
    await ours.server.stop();
    throw error;
  });
  try {
    const setting = `${context.durability}, ${size.toLocaleString('en-US')} vs ${BASELINE_OPPORTUNITIES.toLocaleString('en-US')} opportunities`;
    const random = seededRandom(7);
    const from = Date.parse(big.info.from);
    const span = Date.parse(big.info.to) - from;
    const samples = context.quick ? 40 : 200;
    const rounds = 4;
    for (const query of QUERIES) {
      for (const past of [false, true]) {
        const times = { ours: [] as number[], baseline: [] as number[] };
        const failures = { ours: [] as string[], baseline: [] as string[] };
        // Warm-up: the first requests of each server pay for lazy work (JIT, caches).
        for (const side of [ours, baseline])
          for (let i = 0; i < 5; i += 1)
            await http(side.server.url, 'GET', query.path(null), { key: side.key });
        for (let r = 0; r < rounds; r += 1) {
          for (const name of rotated(['ours', 'baseline'] as const, r)) {
            const side = name === 'ours' ? ours : baseline;
            for (let i = 0; i < samples / rounds; i += 1) {
              // Instants from a month after the first deal to a day ago.
              const asOf = past ? from + 30 * DAY_MS + random() * (span - 31 * DAY_MS) : null;
              const target = query.path(asOf);
              const answer = await http(side.server.url, 'GET', target, { key: side.key });
              if (answer.status !== 200) failures[name].push(`${answer.status} ${target}`);
              times[name].push(answer.ms);
            }
          }
        }
        const measured: Record<'ours' | 'baseline', Measured> = {
          ours: { latency: latency(times.ours), failures: failures.ours },
          baseline: { latency: latency(times.baseline), failures: failures.baseline },
        };
        const describe = (m: Measured): string =>
          `p50 ${m.latency.p50} ms, p99 ${m.latency.p99} ms (n=${m.latency.n})${m.failures.length ? `, ${m.failures.length} failed (${m.failures[0] ?? ''})` : ''}`;
        const failed = measured.ours.failures.length + measured.baseline.failures.length;
        const name = `${query.name}${past ? ' with asOf in the past (random instants)' : ', now'}`;
        context.log(
          `${name}: ${describe(measured.ours)}; on ${BASELINE_OPPORTUNITIES}: ${describe(measured.baseline)}`,
        );
        rows.push({
          workload: name,
          setting,
          ours: describe(measured.ours),
          baseline: `same requests on ${BASELINE_OPPORTUNITIES.toLocaleString('en-US')} opportunities: ${describe(measured.baseline)}`,
          // Latency: the baseline's p99 over ours (1× = the size costs nothing).
          ratio: round(measured.baseline.latency.p99 / measured.ours.latency.p99, 2),
          target: `p99 ≤ ${TARGET_P99_MS} ms`,
          met: failed === 0 && measured.ours.latency.p99 <= TARGET_P99_MS,
          details: { ours: measured.ours, baseline: measured.baseline },
        });
      }
    }
  } finally {
    await ours.server.stop();
    await baseline.server.stop();
  }
  return rows;
};
