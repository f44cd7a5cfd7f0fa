import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp } from '../support/test-app';

const dropReadModels = (dataDir: string): void => {
  const db = new Database(join(dataDir, 'documents.sqlite'));
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'doc_customer_%'")
    .pluck()
    .all() as string[];
  for (const table of tables) db.exec(`DROP TABLE "${table}"`);
  db.exec('DELETE FROM checkpoints');
  db.close();
};

describe('restarts', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every customer across a restart, and rebuilds deleted read models from the log', async () => {
    const first = await startTestApp({}, { dataDir });
    const ids: string[] = [];
    let position = 0;
    for (let i = 0; i < 20; i += 1) {
      const created = await first.request('POST', '/customers', {
        body: {
          name: `Customer ${i}`,
          email: `c${i}@example.com`,
          tags: i % 2 ? ['odd'] : ['even'],
        },
      });
      ids.push(created.body.id);
      const noted = await first.request('POST', `/customers/${created.body.id}/notes`, {
        body: { text: `note ${i}` },
      });
      position = noted.body.position;
    }
    const before = await first.request('GET', `/customers?limit=500&minPosition=${position}`);
    expect(before.body.items).toHaveLength(20);
    await first.close({ keepData: true });

    const second = await startTestApp({}, { dataDir });
    expect(
      (await second.request('GET', `/customers?limit=500&minPosition=${position}`)).body,
    ).toEqual(before.body);
    await second.close({ keepData: true });

    dropReadModels(dataDir);
    const third = await startTestApp({}, { dataDir });
    const rebuilt = await third.request('GET', `/customers?limit=500&minPosition=${position}`);
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body).toEqual(before.body);
    // API keys are not a read model: the admin key still works after the rebuild.
    expect((await third.request('GET', '/admin/api-keys')).status).toBe(200);
    await third.close({ keepData: true });
  });
});
