import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { describeWithPostgres, uniqueSchemaName } from '../../../../../test/support/postgres';
import { AdvisoryLocks } from './advisory-locks';

const until = async (what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** A separate Node process holding the names (resolves once it holds them). */
const holdInChild = (url: string, schema: string, names: string[]): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        join(__dirname, 'testing/lock-holder.child.ts'),
        url,
        schema,
        ...names,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(child);
    child.once('exit', (code) => reject(new Error(`lock holder exited (${code})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().startsWith(`held ${names.join(',')}`)) resolve(child);
    });
  });
const children: ChildProcess[] = [];
afterAll(() => children.forEach((child) => child.kill('SIGKILL')));

/** Ends the sessions holding this schema's locks, as the death of their process would. */
const terminateHolders = async (url: string, schema: string): Promise<void> => {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks
        WHERE locktype = 'advisory' AND classid = (hashtext($1)::bigint & 4294967295)::text::oid`,
      [`crm:${schema}`],
    );
  } finally {
    await admin.end();
  }
};

describeWithPostgres('advisory locks between processes', (url) => {
  jest.setTimeout(20_000);
  const opened: AdvisoryLocks[] = [];
  const locks = (schema: string): AdvisoryLocks => {
    const sut = new AdvisoryLocks({ connectionString: url, schema, pollIntervalMs: 50 });
    opened.push(sut);
    return sut;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((l) => l.close()));
  });

  it('gives each name to exactly one holder', async () => {
    const schema = uniqueSchemaName('locks');
    const first = locks(schema);
    const second = locks(schema);
    await first.start(['a', 'b']);
    await second.start(['a', 'b', 'c']);

    expect(first.heldNames().sort()).toEqual(['a', 'b']);
    expect(second.heldNames()).toEqual(['c']);
  });

  it('hands the names over when the holder closes', async () => {
    const schema = uniqueSchemaName('locks');
    const first = locks(schema);
    const second = locks(schema);
    await first.start(['a']);
    await second.start(['a']);
    const changes: [string, boolean][] = [];
    second.onChange((name, held) => changes.push([name, held]));

    await first.close();
    await until('the second holds a', () => second.holds('a'));

    expect(changes).toEqual([['a', true]]);
  });

  it('lets another process take over within a poll when the holder is killed', async () => {
    const schema = uniqueSchemaName('locks');
    const holder = await holdInChild(url, schema, ['a', 'b']);
    const sut = locks(schema);
    await sut.start(['a', 'b']);
    expect(sut.heldNames()).toEqual([]);

    holder.kill('SIGKILL');
    await until('it holds both', () => sut.holds('a') && sut.holds('b'));
  });

  it('gives everything up when its session ends, and takes it back on a new one', async () => {
    const schema = uniqueSchemaName('locks');
    const sut = locks(schema);
    await sut.start(['a', 'b']);
    const changes: string[] = [];
    sut.onChange((name, held) => changes.push(`${held ? 'took' : 'lost'} ${name}`));

    await terminateHolders(url, schema);
    await until('it lost both', () => changes.length >= 2);
    expect(changes.slice(0, 2).sort()).toEqual(['lost a', 'lost b']);
    await until('it holds both again', () => sut.holds('a') && sut.holds('b'));
  });

  it('releases a name it no longer wants, so another takes it', async () => {
    const schema = uniqueSchemaName('locks');
    const first = locks(schema);
    const second = locks(schema);
    await first.start(['endpoint-1']);
    await second.start(['endpoint-1']);

    await first.forget('endpoint-1');
    await until('the second holds it', () => second.holds('endpoint-1'));

    expect(first.holds('endpoint-1')).toBe(false);
  });

  it('keeps deployments in different schemas apart', async () => {
    const first = locks(uniqueSchemaName('locks'));
    const second = locks(uniqueSchemaName('locks'));
    await first.start(['a']);
    await second.start(['a']);

    expect([first.holds('a'), second.holds('a')]).toEqual([true, true]);
  });
});
