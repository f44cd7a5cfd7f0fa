import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { appEntry } from '../lib/build-app';
import { seededRandom } from '../lib/rng';
import type { ServerProcess } from '../lib/server-process';
import { http, startServer } from '../lib/server-process';
import { median } from '../lib/stats';
import { BENCH_MASTER_KEY } from '../lib/stores';
import type { Workload, WorkloadContext } from '../lib/workload';
import { fmtRate, reportSkipped } from '../lib/workload';

const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';
const CONNECTIONS = 64;
const URL = process.env.POSTGRES_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

type Deployment = {
  apis: ServerProcess[];
  stop: () => Promise<void>;
  key: string;
  customers: string[];
};

const reachable = async (): Promise<string | null> => {
  const client = new Client({ connectionString: URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
};

const dropSchemas = async (schema: string): Promise<void> => {
  const client = new Client({ connectionString: URL });
  await client.connect();
  try {
    for (const name of [schema, `${schema}_vault`])
      await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  } finally {
    await client.end();
  }
};

/** N crm-api processes (no projectors) and one crm-projector on a fresh schema. */
const deploy = async (
  context: WorkloadContext,
  apiCount: number,
  schema: string,
  customers: number,
): Promise<Deployment> => {
  const entry = appEntry(context.workDir);
  const env = {
    ...entry.env,
    POSTGRES_URL: URL,
    POSTGRES_SCHEMA: schema,
    CRM_DATA_DIR: join(context.workDir, schema),
    CRM_ADMIN_KEY: ADMIN_KEY,
    CRM_MASTER_KEY: BENCH_MASTER_KEY,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '0',
    RUN_PROJECTORS: 'false',
  };
  const apis = [await startServer(entry.args, env, '/health/live')];
  for (let i = 1; i < apiCount; i += 1)
    apis.push(await startServer(entry.args, env, '/health/live'));
  // Creating a customer checks the email against a read model: the projectors must run.
  const projector = spawn(
    process.execPath,
    entry.args.map((arg) => arg.replace(/crm-api([/\\]src[/\\]main\.[jt]s)$/, 'crm-projector$1')),
    { env: { ...process.env, ...env }, stdio: 'ignore' },
  );
  const killProjector = (): void => void projector.kill('SIGKILL');
  process.once('exit', killProjector);
  const first = apis[0] as ServerProcess;
  const created = await http<{ token: string }>(first.url, 'POST', '/admin/api-keys', {
    key: ADMIN_KEY,
    body: { name: 'bench', role: 'service' },
  });
  const key = created.body.token;
  const ids: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < customers) {
        const n = next++;
        const api = apis[n % apis.length] as ServerProcess;
        const create = () =>
          http<{ id: string }>(api.url, 'POST', '/customers', {
            key,
            body: { name: `Bench Customer${n}`, email: `bench.${n}@example.com` },
          });
        let answer = await create();
        // 503 until the projector, still starting, has caught up (the email check reads a model).
        for (let tries = 0; answer.status === 503 && tries < 240; tries += 1) {
          await new Promise((resolve) => setTimeout(resolve, 500));
          answer = await create();
        }
        if (answer.status !== 201) throw new Error(`create answered ${answer.status}`);
        ids.push(answer.body.id);
      }
    }),
  );
  return {
    apis,
    key,
    customers: ids,
    stop: async () => {
      process.off('exit', killProjector);
      projector.kill('SIGTERM');
      for (const api of apis) await api.stop();
    },
  };
};

/** POST /customers/:id/notes at 64 connections shared between the APIs; requests per second. */
const load = async (deployment: Deployment, amount: number, seed: number): Promise<number> => {
  const random = seededRandom(seed);
  const body = JSON.stringify({ text: 'Called about the invoice; prefers email.' });
  const share = deployment.apis.length;
  let first = 0;
  let last = 0;
  let answered = 0;
  await Promise.all(
    deployment.apis.map(
      (api) =>
        new Promise<void>((resolve, reject) => {
          const instance = autocannon(
            {
              url: api.url,
              connections: CONNECTIONS / share,
              amount: Math.floor(amount / share),
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${deployment.key}`,
              },
              requests: [
                {
                  method: 'POST',
                  setupRequest: (request) => {
                    first ||= performance.now();
                    const id =
                      deployment.customers[Math.floor(random() * deployment.customers.length)];
                    return { ...request, path: `/customers/${id ?? ''}/notes`, body };
                  },
                },
              ],
            },
            (error) => (error ? reject(error as Error) : resolve()),
          );
          instance.on('response', (_client, status) => {
            last = performance.now();
            if (status < 300) answered += 1;
          });
        }),
    ),
  );
  return (answered / (last - first)) * 1000;
};

/**
 * HTTP commands/s on PostgreSQL with one and with two crm-api processes (one crm-projector
 * beside them, as in docker-compose.postgres.yml). The load generator, the servers and
 * PostgreSQL share this machine's cores, so the second process shows what scale-out costs or
 * gives here, not what it gives on separate machines.
 */
export const postgresScaleWorkload: Workload = async (context) => {
  const problem = await reachable();
  if (problem) {
    reportSkipped(`no PostgreSQL at ${URL.replace(/:[^:@/]*@/, ':***@')}: ${problem}`);
    return [];
  }
  const amount = context.quick ? 2_000 : 8_000;
  const rounds = context.quick ? 1 : 3;
  const customers = context.quick ? 500 : 3_000;
  const rates = new Map<number, number[]>();
  for (const apiCount of [1, 2]) {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    try {
      const deployment = await deploy(context, apiCount, schema, customers);
      try {
        await load(deployment, 500, 1); // warm-up
        for (let r = 0; r < rounds; r += 1) {
          const rate = await load(deployment, amount, 100 + r);
          rates.set(apiCount, [...(rates.get(apiCount) ?? []), rate]);
          context.log(`postgres http, ${apiCount} crm-api: ${Math.round(rate)} commands/s`);
        }
      } finally {
        await deployment.stop();
      }
    } finally {
      await dropSchemas(schema);
    }
  }
  const one = median(rates.get(1) ?? []);
  const two = median(rates.get(2) ?? []);
  const cores = (await import('node:os')).cpus().length;
  return [
    {
      workload: 'postgres-http',
      setting: '1 crm-api + 1 crm-projector, PostgreSQL',
      ours: fmtRate(one),
      baseline: '—',
      ratio: null,
      target: 'figure only',
      met: null,
      note: `POST /customers/:id/notes at ${CONNECTIONS} connections, median of ${rounds}`,
    },
    {
      workload: 'postgres-http',
      setting: '2 crm-api + 1 crm-projector, PostgreSQL',
      ours: fmtRate(two),
      baseline: `${fmtRate(one)} (1 crm-api)`,
      ratio: one > 0 ? Math.round((two / one) * 100) / 100 : null,
      target: 'figure only',
      met: null,
      note: `${CONNECTIONS} connections split between the two APIs; both, the projector, PostgreSQL and the load generator share ${cores} cores`,
    },
  ];
};
