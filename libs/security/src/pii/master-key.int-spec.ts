import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadMasterKey } from './master-key';

const run = promisify(execFile);

describe('the master key file', () => {
  jest.setTimeout(30_000); // six Node processes start
  const folder = mkdtempSync(join(tmpdir(), 'crm-master-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('is created once and read back after', () => {
    const keyDir = join(folder, 'once');
    const created = loadMasterKey(undefined, keyDir);
    const read = loadMasterKey(undefined, keyDir);
    expect([created.origin, read.origin]).toEqual(['generated', 'file']);
    expect(read.key).toEqual(created.key);
    expect(readdirSync(keyDir)).toEqual(['master.key']);
  });

  it('gives processes creating it at the same moment one and the same key', async () => {
    const keyDir = join(folder, 'race');
    const folders = 300;
    const startAt = String(Date.now() + 4000);
    const script = join(__dirname, 'testing/master-key-loader.child.ts');
    const outputs = await Promise.all(
      Array.from({ length: 4 }, () =>
        run(process.execPath, [
          '-r',
          '@swc-node/register',
          script,
          keyDir,
          String(folders),
          startAt,
        ]),
      ),
    );
    const keys = outputs.map((o) => o.stdout.trim().split('\n'));
    for (let i = 0; i < folders; i++) {
      const stored = readFileSync(join(keyDir, String(i), 'master.key'), 'utf8').trim();
      expect(keys.map((k) => k[i])).toEqual([stored, stored, stored, stored]);
      expect(readdirSync(join(keyDir, String(i)))).toEqual(['master.key']);
    }
  });
});
