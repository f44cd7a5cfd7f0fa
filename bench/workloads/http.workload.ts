import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { appEntry } from '../lib/build-app';
import { seededRandom } from '../lib/rng';
import type { ServerProcess } from '../lib/server-process';
import { http, startServer } from '../lib/server-process';
import { median, round } from '../lib/stats';
import { BENCH_MASTER_KEY } from '../lib/stores';
import type { Workload, WorkloadContext } from '../lib/workload';
import { fmtRate, rotated } from '../lib/workload';

const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';
const CONNECTIONS = 64;

type Target = {
  name: 'crm-api' | 'crm-api (no projectors)' | 'bare Fastify';
  server: ServerProcess;
  key: string | undefined;
  customers: string[];
};
type Sample = { rps: number; p50: number; p99: number; non2xx: number; errors: number };

const env = (context: WorkloadContext, dir: string): Record<string, string> => {
  mkdirSync(dir, { recursive: true });
  return {
    CRM_DATA_DIR: dir,
    CRM_ADMIN_KEY: ADMIN_KEY,
    CRM_MASTER_KEY: BENCH_MASTER_KEY,
    SQLITE_SYNCHRONOUS: context.durability,
    // Request logging at info is a cost of its own; both servers run without it.
    LOG_LEVEL: 'warn',
    // The per-key limit (default 60,000 a minute) would measure the limiter, not the path.
    RATE_LIMIT_PER_MINUTE: '10000000',
  };
};

const createCustomers = async (
  target: Omit<Target, 'customers'>,
  count: number,
): Promise<string[]> => {
  const ids: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < count) {
        const n = next++;
        const answer = await http<{ id: string }>(target.server.url, 'POST', '/customers', {
          ...(target.key ? { key: target.key } : {}),
          body: { name: `Bench Customer${n}`, email: `bench.${n}@example.com` },
        });
        if (answer.status !== 201)
          throw new Error(`${target.name}: create answered ${answer.status}`);
        ids.push(answer.body.id);
      }
    }),
  );
  return ids;
};

/**
 * POST /customers/:id/notes (one sealed event) at 64 connections. A fixed number of requests
 * per round, customers drawn uniformly: every server ends each round with the same streams,
 * so the per-command work (which grows with a stream) is the same for all of them.
 */
const load = async (target: Target, amount: number, seed: number): Promise<Sample> => {
  const random = seededRandom(seed);
  const body = JSON.stringify({ text: 'Called about the invoice; prefers email.' });
  let first = 0;
  let last = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.server.url,
        connections: CONNECTIONS,
        amount,
        headers: {
          'content-type': 'application/json',
          ...(target.key ? { authorization: `Bearer ${target.key}` } : {}),
        },
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              first ||= performance.now();
              return {
                ...request,
                path: `/customers/${target.customers[Math.floor(random() * target.customers.length)] ?? ''}/notes`,
                body,
              };
            },
          },
        ],
      },
      (error, done) => (error ? reject(error as Error) : resolve(done)),
    );
    instance.on('response', () => {
      last = performance.now();
    });
  });
  return {
    // autocannon notices the end of a fixed amount on a one-second tick: time the responses instead.
    rps: (result.requests.total / (last - first)) * 1000,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
};

const launch = (
  context: WorkloadContext,
  name: Target['name'],
  dir: string,
  projectors: boolean,
) =>
  name === 'bare Fastify'
    ? startServer('bench/servers/bare-fastify.server.ts', env(context, dir), '/health')
    : startServer(
        appEntry(context.workDir).args,
        {
          ...env(context, dir),
          ...appEntry(context.workDir).env,
          RUN_PROJECTORS: String(projectors),
        },
        '/health/live',
      );

const start = async (
  context: WorkloadContext,
  name: Target['name'],
  customers: number,
): Promise<Target> => {
  const dir = join(context.workDir, `http-${context.durability}-${name.replace(/\W+/g, '-')}`);
  // Creating a customer checks email uniqueness against a read model, which needs the
  // projectors: customers are created first, then crm-api restarts without them if asked.
  let server = await launch(context, name, dir, true);
  let key: string | undefined;
  if (name !== 'bare Fastify') {
    const created = await http<{ token: string }>(server.url, 'POST', '/admin/api-keys', {
      key: ADMIN_KEY,
      body: { name: 'bench', role: 'service' },
    });
    key = created.body.token;
  }
  const ids = await createCustomers({ name, server, key }, customers);
  if (name === 'crm-api (no projectors)') {
    await server.stop();
    server = await launch(context, name, dir, false);
  }
  return { name, server, key, customers: ids };
};

/**
 * HTTP commands/s and latency at 64 connections (autocannon, in this process; the server in
 * its own): crm-api as shipped (Nest, auth, validation, projectors in-process) against a bare
 * Fastify route doing the same append. crm-api without in-process projectors is shown too.
 */
export const httpWorkload: Workload = async (context) => {
  const amount = context.quick ? 2_000 : 8_000;
  const rounds = context.quick ? 1 : 3;
  const customers = context.quick ? 1_000 : 5_000;
  const targets: Target[] = [];
  const names = context.quick
    ? (['bare Fastify', 'crm-api'] as const)
    : (['bare Fastify', 'crm-api', 'crm-api (no projectors)'] as const);
  for (const name of names) {
    targets.push(await start(context, name, customers));
    await load(targets.at(-1) as Target, 500, 1); // warm-up
  }
  const samples = new Map<string, Sample[]>(targets.map((t) => [t.name, []]));
  for (let r = 0; r < rounds; r += 1) {
    for (const target of rotated(targets, r)) {
      const sample = await load(target, amount, 100 + r);
      samples.get(target.name)?.push(sample);
      context.log(
        `http ${context.durability} ${target.name}: ${Math.round(sample.rps)} req/s, p50 ${sample.p50} ms, p99 ${sample.p99} ms${sample.non2xx ? `, ${sample.non2xx} non-2xx` : ''}`,
      );
    }
  }
  for (const target of targets) await target.server.stop();

  const summary = (name: string) => {
    const list = samples.get(name) ?? [];
    return {
      rps: median(list.map((s) => s.rps)),
      p50: median(list.map((s) => s.p50)),
      p99: median(list.map((s) => s.p99)),
      failed: list.reduce((n, s) => n + s.non2xx + s.errors, 0),
    };
  };
  const bare = summary('bare Fastify');
  const withoutProjectors = (names as readonly string[]).includes('crm-api (no projectors)')
    ? `without in-process projectors the request path does ${round(summary('crm-api (no projectors)').rps / bare.rps, 2)}× the bare route`
    : 'the quick run has no line without projectors';
  const describe = (s: ReturnType<typeof summary>): string =>
    `${fmtRate(s.rps, 'req/s')}, p50 ${s.p50} ms, p99 ${s.p99} ms${s.failed ? `, ${s.failed} failed` : ''}`;
  return names
    .filter((name) => name !== 'bare Fastify')
    .map((name) => {
      const ours = summary(name);
      const ratio = ours.rps / bare.rps;
      const headline = name === 'crm-api';
      return {
        workload: `HTTP POST /customers/:id/notes at ${CONNECTIONS} connections, ${name}${headline ? '' : ' (reference)'}`,
        setting: context.durability,
        ours: describe(ours),
        baseline: `bare Fastify route, same append: ${describe(bare)}`,
        ratio: round(ratio, 2),
        target: headline ? '≥ 0.6× bare route' : '(reference)',
        met: headline ? ratio >= 0.6 && ours.failed === 0 : null,
        ...(headline && ratio < 0.6
          ? {
              note: `crm-api does more per request than the bare route, and its projectors apply every new event on the same event loop (see the no-projectors line; the crm-projector worker, RUN_PROJECTORS=false, takes that share off the request path). Request logging, metrics and the PII reveal are Fastify hooks (no pino-http child logger, no middie, no Nest interceptor with its rxjs pipeline and AsyncResource.bind per call) and class-validator finds a DTO's rules once: ${withoutProjectors}. What remains is the projectors' share (each new event applied and committed to the read models on the same event loop, in batches of the events that arrived meanwhile; the document store's commit is most of it) and, per request, the API key read from the document store (revocation applies to the next request), class-transformer and class-validator, and the promise hooks of the AsyncLocalStorage that carries correlation ids into log lines.`,
            }
          : {}),
        details: {
          samples: samples.get(name),
          bare: samples.get('bare Fastify'),
          requestsPerRound: amount,
          rounds,
          customers,
        },
      };
    });
};
