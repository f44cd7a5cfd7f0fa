import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { appEntry } from '../lib/build-app';
import { scriptCustomerIds, LAST_NAMES } from '../lib/crm-script';
import { datasetDir, loadDataset } from '../lib/dataset-files';
import type { ResultRow } from '../lib/report';
import { Zipf, pick, seededRandom } from '../lib/rng';
import type { ServerProcess } from '../lib/server-process';
import { http, startServer } from '../lib/server-process';
import type { Latency } from '../lib/stats';
import { latency, nowMs, round } from '../lib/stats';
import { BENCH_MASTER_KEY } from '../lib/stores';
import type { Workload } from '../lib/workload';

const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';

type Query = {
  name: string;
  paths: () => string;
  key: 'analyst' | 'auditor';
  limitMs: number | null;
  samples: number;
  /** What it would take, shown when the target is missed. */
  whyNot?: string;
};

const measure = async (
  server: ServerProcess,
  key: string,
  path: () => string,
  samples: number,
): Promise<{ latency: Latency; failures: string[] }> => {
  const times: number[] = [];
  const failures: string[] = [];
  for (let i = 0; i < samples + 5; i += 1) {
    const target = path();
    const answer = await http(server.url, 'GET', target, { key });
    if (answer.status !== 200) failures.push(`${answer.status} ${target}`);
    if (i >= 5) times.push(answer.ms);
  }
  return { latency: latency(times), failures };
};

const row = (
  workload: string,
  measured: { latency: Latency; failures: string[] },
  limitMs: number | null,
  setting: string,
): ResultRow => {
  const { p50, p99, n } = measured.latency;
  const failed = measured.failures.length;
  const met = limitMs === null ? null : failed === 0 && p99 <= limitMs;
  return {
    workload,
    setting,
    ours: `p50 ${p50} ms, p99 ${p99} ms (n=${n})${failed ? `, ${failed} failed (${measured.failures[0] ?? ''})` : ''}`,
    baseline: '—',
    ratio: null,
    target: limitMs === null ? '(no target)' : `p99 ≤ ${limitMs} ms`,
    met,
    details: { ...measured.latency, failures: measured.failures.slice(0, 5) },
  };
};

/** RSS of crm-api started the same way on an empty data folder: what the process costs by itself. */
const idleFootprint = async (workDir: string): Promise<number> => {
  const dir = join(workDir, 'idle-app');
  mkdirSync(dir, { recursive: true });
  const entry = appEntry(workDir);
  const server = await startServer(
    entry.args,
    {
      ...entry.env,
      CRM_DATA_DIR: dir,
      CRM_ADMIN_KEY: ADMIN_KEY,
      CRM_MASTER_KEY: BENCH_MASTER_KEY,
      LOG_LEVEL: 'warn',
    },
    '/health/live',
  );
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const { rssMiB } = server.memory();
  await server.stop();
  return rssMiB;
};

/**
 * The app (crm-api, its real entry point) on the seeded dataset with its read models built:
 * read-model queries, state-at of the whale customer, read-your-writes lag and memory.
 */
export const appWorkload: Workload = async (context) => {
  const dataset = loadDataset(context.workDir);
  const entry = appEntry(context.workDir);
  const idle = await idleFootprint(context.workDir);
  const setting = `${context.durability}, ${dataset.head.toLocaleString('en-US')} events, ${dataset.customers.toLocaleString('en-US')} customers`;
  const startedAt = nowMs();
  const server = await startServer(
    entry.args,
    {
      ...entry.env,
      CRM_DATA_DIR: datasetDir(context.workDir),
      CRM_ADMIN_KEY: ADMIN_KEY,
      CRM_MASTER_KEY: BENCH_MASTER_KEY,
      SQLITE_SYNCHRONOUS: context.durability,
      LOG_LEVEL: 'warn',
      READ_WAIT_TIMEOUT_MS: '60000',
    },
    '/health/live',
  );
  const rows: ResultRow[] = [];
  try {
    const keys: Record<string, string> = {};
    for (const role of ['analyst', 'auditor', 'service']) {
      const created = await http<{ token: string }>(server.url, 'POST', '/admin/api-keys', {
        key: ADMIN_KEY,
        body: { name: `bench ${role}`, role },
      });
      keys[role] = created.body.token;
    }
    const customerIds = scriptCustomerIds(dataset.seed, dataset.customers);
    // Read models were built by the rebuild workload; this waits for anything left.
    for (;;) {
      const answer = await http(
        server.url,
        'GET',
        `/customers/${dataset.whaleId}?minPosition=${dataset.head}`,
        { key: keys.analyst ?? '' },
      );
      if (answer.status === 200) break;
      if (nowMs() - startedAt > 30 * 60_000)
        throw new Error(`read models not caught up: ${answer.status}`);
    }
    const readyMs = nowMs() - startedAt;
    context.log(`crm-api ready and caught up in ${Math.round(readyMs)} ms`);

    const random = seededRandom(99);
    const zipf = new Zipf(customerIds.length, random, 1.05);
    const few = context.quick ? 40 : 100;
    const queries: Query[] = [
      {
        name: 'profile by id: GET /customers/:id (Zipf ids)',
        paths: () => `/customers/${customerIds[zipf.next()] ?? ''}`,
        key: 'analyst',
        limitMs: 20,
        samples: context.quick ? 100 : 300,
      },
      {
        name: 'ticket queue: GET /tickets?status=open&priority=high',
        whyNot:
          'The filter is pushed down to SQL but SQLite uses one single-field expression index (status or priority) and then sorts every match by resolutionDueAt; a composite index (status, priority, resolutionDueAt) on the tickets collection (libs/service-desk ticket-queue projection; needs composite index support in libs/documents) makes it an index range scan.',
        paths: () =>
          `/tickets?status=open&priority=${pick(random, ['high', 'urgent', 'normal'])}&limit=50`,
        key: 'analyst',
        limitMs: 20,
        samples: few,
      },
      {
        name: 'customer search: GET /customers?q=<last name>',
        whyNot:
          'q filters on the searchHashes array, which the embedded store cannot push down: every search parses all profiles into mingo (also the RSS peak). A multi-valued index (a side table of (hash, id) maintained on put) in libs/documents would make it a lookup.',
        paths: () => `/customers?q=${pick(random, LAST_NAMES).toLowerCase()}&limit=50`,
        key: 'analyst',
        limitMs: null,
        samples: few,
      },
      {
        name: 'analytics: GET /analytics/satisfaction?by=agent|month',
        whyNot:
          'The report runs a mingo $group over every rating document in JS on each request; keep pre-aggregated buckets (by agent, category, channel, month) in the satisfaction projection, or push $match/$group down to SQL (json_extract + GROUP BY) in libs/documents.',
        paths: () =>
          `/analytics/satisfaction?by=${pick(random, ['agent', 'month', 'category', 'channel'])}`,
        key: 'analyst',
        limitMs: 100,
        samples: context.quick ? 20 : 40,
      },
      {
        name: 'analytics: GET /analytics/customer-value?top=10',
        whyNot:
          'Totals are aggregated in mingo over every per-currency document on each request; an index on amount with ORDER BY ... LIMIT pushed down, or a running total document kept by the projection, answers in milliseconds.',
        paths: () => '/analytics/customer-value?top=10',
        key: 'analyst',
        limitMs: 100,
        samples: context.quick ? 20 : 40,
      },
      {
        name: 'analytics: GET /analytics/rfm',
        whyNot:
          'RFM scoring over all customers on each request; precompute quintile boundaries in the projection.',
        paths: () => '/analytics/rfm',
        key: 'analyst',
        limitMs: 100,
        samples: context.quick ? 20 : 40,
      },
      {
        name: `state-at: GET /customers/:id/state?at= for a customer with ${dataset.whaleEvents.toLocaleString('en-US')} events`,
        paths: () => `/customers/${dataset.whaleId}/state?at=${dataset.head}`,
        whyNot:
          "State-at reads the customer's events, reveals (decrypts) every sealed field and folds them through the live projections in memory on every request; the event store answers the read itself in a few ms. Periodic snapshots of the folded state (per customer, keyed by position) and revealing only the fields a projection reads would bring it under 50 ms.",
        key: 'auditor',
        limitMs: 50,
        samples: context.quick ? 10 : 20,
      },
    ];
    for (const query of queries) {
      const measured = await measure(server, keys[query.key] ?? '', query.paths, query.samples);
      context.log(
        `${query.name}: p50 ${measured.latency.p50} ms, p99 ${measured.latency.p99} ms${measured.failures.length ? ` (${measured.failures.length} failed: ${measured.failures[0] ?? ''})` : ''}`,
      );
      const result = row(query.name, measured, query.limitMs, setting);
      rows.push(result.met === false && query.whyNot ? { ...result, note: query.whyNot } : result);
    }

    // Read-your-writes: from the command's answer to the profile showing it (minPosition waits server-side).
    const lags: number[] = [];
    const failures: string[] = [];
    for (let i = 0; i < (context.quick ? 50 : 200); i += 1) {
      const customerId = customerIds[Math.floor(random() * customerIds.length)] ?? '';
      const written = await http<{ position: number }>(
        server.url,
        'POST',
        `/customers/${customerId}/notes`,
        { key: keys.service ?? '', body: { text: 'read-your-writes probe' } },
      );
      if (written.status !== 200 && written.status !== 201) {
        failures.push(`${written.status} POST notes`);
        continue;
      }
      const read = await http(
        server.url,
        'GET',
        `/customers/${customerId}?minPosition=${written.body.position}`,
        { key: keys.service ?? '' },
      );
      if (read.status !== 200) failures.push(`${read.status} GET after write`);
      lags.push(read.ms);
    }
    const ryw = row(
      'read-your-writes lag: command answer → profile shows it (GET with minPosition)',
      { latency: latency(lags), failures },
      50,
      setting,
    );
    rows.push(
      ryw.met === false
        ? {
            ...ryw,
            note: "The wait is for the projectors to pass the command's position, not for the event store (the append and the read of one new event take well under a millisecond), and it grows with the data (the quick run on 50,000 events stays far below 50 ms). Every projection follows the log on its own: each append wakes all of them and each commits a checkpoint transaction, on the same event loop as the HTTP requests, and the embedded document store prepares its SQL on every call. A single dispatcher that reads each new page once for all projections, cached statements in libs/documents, and the per-projector lag in /metrics to find the slow one are the next steps; running the projectors in crm-projector takes the work off the request path.",
          }
        : ryw,
    );

    const memory = server.memory();
    const rssMet = memory.rssMiB <= 512;
    rows.push({
      workload: 'memory: RSS of crm-api serving the dataset (after catch-up and the queries above)',
      setting,
      ours: `${memory.rssMiB} MiB now, peak ${memory.peakMiB} MiB (idle on empty data: ${idle} MiB)`,
      baseline: '—',
      ratio: null,
      target: '≤ 512 MiB',
      met: rssMet && memory.peakMiB <= 512,
      ...(rssMet && memory.peakMiB <= 512
        ? {}
        : {
            note: 'The RSS after the run is within the target; the peak comes from queries that load a whole collection into memory to evaluate it with mingo (customer search parses all 100,000 profiles, the satisfaction and customer-value reports all their documents). Pushing those down to SQL (see the query lines) removes the peak.',
          }),
      details: {
        ...memory,
        startAndCatchUpMs: round(readyMs),
        idleOnEmptyDataMiB: idle,
        compiledApp: entry.compiled,
      },
    });
  } finally {
    await server.stop();
  }
  return rows;
};
