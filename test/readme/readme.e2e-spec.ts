import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vaultSchema } from '@crm/platform';
import { describeWithPostgres, dropSchema, uniqueSchemaName } from '../support/postgres';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

/** The README's walk-through blocks (each follows a `<!-- walkthrough -->` line), in order. */
const walkthrough = (): string => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/<!-- walkthrough -->\s*```bash\n([\s\S]*?)```/g)].map(
    (m) => m[1] ?? '',
  );
  // The reader sets CRM and ADMIN to their own server and key; the test passes them in.
  return blocks.join('\n').replace(/^export (CRM|ADMIN)=.*$/gm, '');
};

const runsAsWritten = async (t: TestApp): Promise<void> => {
  const script = walkthrough();
  expect(script).toContain('/customers');
  // Asynchronously: the server answering the script lives in this process.
  const run = await runBash(script, { CRM: t.url, ADMIN: t.adminKey });
  if (run.status !== 0)
    throw new Error(`walk-through failed (${run.status}):\n${run.stderr}\n${run.stdout}`);
  expect(run.stdout).toContain('"name":"A*** L***"');
  expect(run.stdout).toContain('"details":[{"field":"name","rule":"isLength"');
  expect(run.stdout).toMatch(/"average":5/);
  expect(run.stdout).toContain('"value":[{"amount":3998,"amountExact":"3998","currency":"EUR"}]');
  expect(run.stdout).toContain('"name":"[erased]"');
  expect(run.stdout).toContain('"roi":0.4');
  expect(run.stdout).toMatch(/verified \S+ CustomerTagged customer-\S+ revision 1 /);
  // The pipeline: a refused move, the overdue follow-up, the win and its order linked both ways.
  expect(run.stdout).toContain('"code":"STAGE_IS_TERMINAL"');
  expect(run.stdout).toMatch(/"subject":"Send the quote"[^}]*"overdue":true/);
  expect(run.stdout).toMatch(
    /"sku":"FLEET-12"[^\n]*"total":\{"amount":1200000,"currency":"EUR"\}[^\n]*"opportunityId":"[0-9a-f-]{36}"/,
  );
  expect(run.stdout).toMatch(/"status":"won"[^\n]*"stageHistory":\[\{"stageId":"qualify"/);
  expect(run.stdout).toMatch(
    /"stageId":"propose"[^\n]*"totals":\[\{"currency":"EUR","count":1,"amount":\{"amount":300000,[^\n]*"weightedAmount":\{"amountExact":"150000","currency":"EUR"\}/,
  );
  expect(run.stdout).toMatch(
    /"open":\{"count":1,"amount":\{"amount":300000,[^\n]*"weightedAmount":\{"amountExact":"150000","currency":"EUR"\}\},"won":\{"count":1,"amount":\{"amount":1200000,/,
  );
};

// As the README says: its webhook receiver is on loopback, which is refused by default.
const allowLoopback = process.env.WEBHOOK_ALLOW_LOOPBACK;
beforeAll(() => {
  process.env.WEBHOOK_ALLOW_LOOPBACK = 'true';
});
afterAll(() => {
  if (allowLoopback === undefined) delete process.env.WEBHOOK_ALLOW_LOOPBACK;
  else process.env.WEBHOOK_ALLOW_LOOPBACK = allowLoopback;
});

describe('the README walk-through', () => {
  jest.setTimeout(30_000); // real servers and a shell script: seconds, not milliseconds
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('runs as written against a fresh server', () => runsAsWritten(t));
});

describeWithPostgres('the README walk-through on PostgreSQL', (url) => {
  jest.setTimeout(120_000);
  const schema = uniqueSchemaName('readme');
  let t: TestApp | undefined;
  beforeAll(async () => {
    // One process, so it runs its projectors itself as the embedded default does.
    t = await startTestApp({ POSTGRES_URL: url, POSTGRES_SCHEMA: schema, RUN_PROJECTORS: 'true' });
  });
  afterAll(async () => {
    await t?.close();
    await dropSchema(url, schema);
    await dropSchema(url, vaultSchema(schema));
  });

  it('runs as written against a fresh server whose stores are PostgreSQL', () => runsAsWritten(t!));
});

const runBash = (script: string, env: Record<string, string>) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], {
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
