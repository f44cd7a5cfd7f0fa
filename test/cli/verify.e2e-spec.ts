import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('tamper-evident history', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-verify-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('chains every event, shows the hashes in the history, and verify finds one edited byte', async () => {
    const t = await startTestApp({}, { dataDir });
    const auditor = await t.keyFor('auditor');
    const created = await t.request('POST', '/customers', {
      body: { name: 'Chain Link', email: 'chain@example.com' },
    });
    for (const tag of ['alpha', 'bravo', 'charlie']) {
      await t.request('POST', `/customers/${created.body.id}/tags`, { body: { tags: [tag] } });
    }
    const history = await t.request('GET', `/customers/${created.body.id}/history`, {
      key: auditor,
    });
    const hashes = history.body.events.map((e: { hash: string }) => e.hash);
    expect(hashes).toHaveLength(4);
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(hashes).size).toBe(4);

    // Forgetting changes no stored byte, so the chain still holds afterwards.
    await t.request('POST', `/customers/${created.body.id}/forget`);
    await t.close({ keepData: true });
    expect((await runCli(dataDir, ['verify']))[0]).toMatch(
      /^verified \d+ events; chain head [0-9a-f]{64}$/,
    );

    // One byte of one stored event changed in the file: the tag "bravo" becomes "brava"
    // (in every copy of the row's page, as SQLite may leave stale copies in free pages).
    const file = join(dataDir, 'events.sqlite');
    const bytes = readFileSync(file);
    const needle = Buffer.from('"tag":"bravo"');
    let edits = 0;
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
      bytes[at + '"tag":"brav'.length] = 'a'.charCodeAt(0);
      edits += 1;
    }
    expect(edits).toBeGreaterThan(0);
    writeFileSync(file, bytes);

    const tagged = history.body.events.find(
      (e: { data: { tag?: string } }) => e.data.tag === 'bravo',
    );
    await expect(runCli(dataDir, ['verify'])).rejects.toThrow(
      new RegExp(`BROKEN at position ${tagged.position}: its content does not match its hash`),
    );
  });
});
