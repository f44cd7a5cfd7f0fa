import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../../apps/crm-cli/src/cli';
import { startTestApp } from '../support/test-app';

const runCli = async (dataDir: string, args: string[]): Promise<string[]> => {
  const lines: string[] = [];
  await buildCli({ CRM_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, (line) =>
    lines.push(line),
  ).parseAsync(['node', 'crm-cli', ...args]);
  return lines;
};

describe('crm-cli', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates, lists and revokes API keys that the service then accepts and refuses', async () => {
    const app = await startTestApp({}, { dataDir });
    const created = await runCli(dataDir, ['api-keys', 'create', 'reporting', '--role', 'analyst']);
    const token = /token \(shown once\): (\S+)/.exec(created.join('\n'))?.[1] ?? '';
    const id = /key (\S+) \(reporting\)/.exec(created.join('\n'))?.[1] ?? '';
    expect((await app.request('GET', '/customers', { key: token })).status).toBe(200);
    expect((await runCli(dataDir, ['api-keys', 'list'])).join('\n')).toMatch(
      new RegExp(`${id}\\s+analyst\\s+active`),
    );
    await runCli(dataDir, ['api-keys', 'revoke', id]);
    expect((await app.request('GET', '/customers', { key: token })).status).toBe(401);
    await app.close({ keepData: true });
  });

  it('rebuilds a read model from the log to the same content', async () => {
    const app = await startTestApp({}, { dataDir });
    let position = 0;
    for (let i = 0; i < 10; i += 1) {
      position = (
        await app.request('POST', '/customers', {
          body: { name: `R ${i}`, email: `r${i}@example.com` },
        })
      ).body.position;
    }
    const before = await app.request('GET', `/customers?limit=500&minPosition=${position}`);
    await app.close({ keepData: true });

    const output = await runCli(dataDir, ['rebuild', 'customer-profile']);
    expect(output.join('\n')).toMatch(
      new RegExp(`rebuilt customer-profile up to position ${position}`),
    );

    const after = await startTestApp({}, { dataDir });
    expect(
      (await after.request('GET', `/customers?limit=500&minPosition=${position}`)).body,
    ).toEqual(before.body);
    await after.close({ keepData: true });
  });

  it('refuses an unknown projection', async () => {
    await expect(runCli(dataDir, ['rebuild', 'nope'])).rejects.toThrow(/unknown projection nope/);
  });
});
