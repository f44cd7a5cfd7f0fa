import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PiiHasher, loadMasterKey } from '@crm/security/pii';
import { buildCli } from '../../apps/crm-cli/src/cli';
import { startTestApp } from '../support/test-app';

const runCli = async (env: Record<string, string>, args: string[]): Promise<string[]> => {
  const lines: string[] = [];
  await buildCli({ LOG_LEVEL: 'silent', ...env }, (line) => lines.push(line)).parseAsync([
    'node',
    'crm-cli',
    ...args,
  ]);
  return lines;
};

describe('backup, forget, restore', () => {
  const root = mkdtempSync(join(tmpdir(), 'crm-backup-'));
  const live = join(root, 'live');
  const vault = join(live, 'keys');
  const restored = join(root, 'restored');
  const backupFile = join(root, 'before-forget.crm');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('keeps a forgotten customer erased in a backup taken before the forget', async () => {
    const app = await startTestApp({}, { dataDir: live });
    const forgotten = await app.request('POST', '/customers', {
      body: { name: 'Imogen Forgettable', email: 'imogen@forget.example', phone: '+447700900999' },
    });
    const kept = await app.request('POST', '/customers', {
      body: { name: 'Kurt Keeper', email: 'kurt@keep.example' },
    });
    await app.request('POST', `/customers/${forgotten.body.id}/notes`, {
      body: { text: 'Secret allergy details' },
    });

    // Online: the service keeps running while the backup is taken.
    const backedUp = await runCli({ CRM_DATA_DIR: live }, ['backup', backupFile]);
    expect(backedUp.join('\n')).toMatch(/backup written/);
    const raw = readFileSync(backupFile);
    for (const secret of [
      'Imogen Forgettable',
      'imogen@forget.example',
      'Secret allergy details',
    ]) {
      expect(raw.includes(Buffer.from(secret))).toBe(false);
    }
    // Nor their blind indexes: anyone who can create a customer could hash a guess and match
    // them, long after a forget (read models rebuild on restore; ADR 18).
    const hasher = new PiiHasher(loadMasterKey(undefined, vault).key);
    for (const [kind, value] of [
      ['email', 'imogen@forget.example'],
      ['phone', '+447700900999'],
      ['name', 'imogen'],
    ] as const) {
      expect([kind, raw.includes(Buffer.from(hasher.hash(kind, value)))]).toEqual([kind, false]);
    }

    expect((await app.request('POST', `/customers/${forgotten.body.id}/forget`)).status).toBe(200);
    await app.close({ keepData: true });

    const restoredOutput = await runCli({ CRM_DATA_DIR: restored, CRM_KEY_DIR: vault }, [
      'restore',
      backupFile,
    ]);
    expect(restoredOutput.join('\n')).toMatch(
      /1 customer\(s\) in the forget ledger stay forgotten/,
    );

    const again = await startTestApp({ CRM_KEY_DIR: vault }, { dataDir: restored });
    const auditor = await again.keyFor('auditor');
    const profile = await again.request(
      'GET',
      `/customers/${forgotten.body.id}?minPosition=${kept.body.position}`,
    );
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ name: '[erased]', email: '[erased]', phone: '[erased]' });
    expect(profile.body.notes[0].text).toBe('[erased]');
    const history = await again.request('GET', `/customers/${forgotten.body.id}/history`, {
      key: auditor,
    });
    expect(JSON.stringify(history.body)).not.toMatch(/Imogen|imogen@|allergy/);
    const state = await again.request(
      'GET',
      `/customers/${forgotten.body.id}/state?at=${kept.body.position}`,
      { key: auditor },
    );
    expect(state.body.profile).toMatchObject({ name: '[erased]' });

    // Everyone else comes back whole.
    const keeper = await again.request('GET', `/customers/${kept.body.id}`);
    expect(keeper.body).toMatchObject({ name: 'Kurt Keeper', email: 'kurt@keep.example' });
    await again.close({ keepData: true });
  });

  it('refuses to restore with a key folder that has the master key but not the forget ledger', async () => {
    const bare = join(root, 'bare-vault');
    mkdirSync(bare);
    copyFileSync(join(vault, 'master.key'), join(bare, 'master.key'));
    const target = join(root, 'restored-without-ledger');

    await expect(
      runCli({ CRM_DATA_DIR: target, CRM_KEY_DIR: bare }, ['restore', backupFile]),
    ).rejects.toThrow(/no forget ledger at .*forgotten\.ledger/);
    expect(existsSync(join(target, 'events.sqlite'))).toBe(false);
  });

  it('refuses a forget ledger that lacks a forget the backup carries', async () => {
    const afterForget = join(root, 'after-forget.crm');
    await runCli({ CRM_DATA_DIR: live }, ['backup', afterForget]);
    const stale = join(root, 'stale-vault');
    mkdirSync(stale);
    copyFileSync(join(vault, 'master.key'), join(stale, 'master.key'));
    writeFileSync(join(stale, 'forgotten.ledger'), '');
    const target = join(root, 'restored-stale');

    await expect(
      runCli({ CRM_DATA_DIR: target, CRM_KEY_DIR: stale }, ['restore', afterForget]),
    ).rejects.toThrow(/lacks 1 customer\(s\) the backup records as forgotten/);
    expect(existsSync(join(target, 'events.sqlite'))).toBe(false);
  });

  it('refuses to restore over an existing event store, and refuses a damaged backup', async () => {
    await expect(
      runCli({ CRM_DATA_DIR: restored, CRM_KEY_DIR: vault }, ['restore', backupFile]),
    ).rejects.toThrow(/empty data folder/);
    const damaged = join(root, 'damaged.crm');
    const bytes = readFileSync(backupFile);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
    writeFileSync(damaged, bytes);
    await expect(
      runCli({ CRM_DATA_DIR: join(root, 'other'), CRM_KEY_DIR: vault }, ['restore', damaged]),
    ).rejects.toThrow(/damaged/);
  });

  it('prints history and state-at for auditors, and forgets from the command line', async () => {
    const app = await startTestApp({}, { dataDir: live });
    const created = await app.request('POST', '/customers', {
      body: { name: 'Cli Person', email: 'cli@person.example' },
    });
    await app.close({ keepData: true });
    const history = await runCli({ CRM_DATA_DIR: live }, ['history', created.body.id]);
    expect(JSON.parse(history[0] ?? '{}')).toMatchObject({
      type: 'CustomerCreated',
      data: { name: 'Cli Person' },
    });
    const state = await runCli({ CRM_DATA_DIR: live }, [
      'state-at',
      created.body.id,
      String(created.body.position),
    ]);
    expect(JSON.parse(state.join('\n'))).toMatchObject({ profile: { name: 'Cli Person' } });
    expect((await runCli({ CRM_DATA_DIR: live }, ['forget', created.body.id])).join('\n')).toMatch(
      /forgot customer/,
    );
    const after = await runCli({ CRM_DATA_DIR: live }, ['history', created.body.id]);
    expect(after.join('\n')).not.toContain('Cli Person');
    expect(JSON.parse(after.at(-1) ?? '{}')).toMatchObject({ type: 'CustomerForgotten' });
  });
});
