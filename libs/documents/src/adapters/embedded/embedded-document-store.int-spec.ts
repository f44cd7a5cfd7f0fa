import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentStoreContract } from '../../testing/document-store.contract';
import { EmbeddedDocumentStore } from './embedded-document-store';
import { valuesTable } from './sql-indexes';
import type { IndexedFields } from './sql-pushdown';
import { afterKeyset, orderBy, orderedSelect, pushDown } from './sql-pushdown';

describe('EmbeddedDocumentStore (embedded adapter)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crm-docs-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  documentStoreContract(() =>
    Promise.resolve(new EmbeddedDocumentStore({ filename: join(folder, 'documents.sqlite') })),
  );

  describe('query plans', () => {
    const filename = join(folder, 'plans.sqlite');
    const fields: IndexedFields = {
      scalar: new Set(['status', 'priority', 'due', 'createdAt']),
      array: new Set(['tags']),
      values: valuesTable('doc_queue'),
    };
    const plan = (
      filter: Record<string, unknown>,
      sort: Record<string, 1 | -1>,
      cursor?: unknown[],
    ) => {
      const order = orderBy(sort, fields);
      if (!order) throw new Error('not orderable');
      const keyset = cursor ? afterKeyset(sort, cursor) : null;
      const { sql, params } = orderedSelect('doc_queue', pushDown(filter, fields), order, keyset);
      const db = new Database(filename, { readonly: true });
      try {
        return db
          .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql} LIMIT 51`)
          .all(...params)
          .map((row) => row.detail)
          .join(' | ');
      } finally {
        db.close();
      }
    };

    beforeAll(async () => {
      const store = new EmbeddedDocumentStore({ filename });
      await store.ensureCollection({
        name: 'queue',
        indexes: [
          { field: 'status' },
          { field: 'priority' },
          { field: 'due' },
          { field: 'createdAt' },
          { fields: ['status', 'priority', 'due'] },
          { field: 'tags', array: true },
        ],
      });
      await store.close();
    });

    it('reads a filtered, sorted queue page from the compound index without sorting', () => {
      for (const cursor of [undefined, ['2024-01-01', 't-1']]) {
        const detail = plan({ status: 'open', priority: 'high' }, { due: 1, _id: 1 }, cursor);
        expect(detail).toContain(
          'USING INDEX doc_queue__status+priority+due+id (<expr>=? AND <expr>=?',
        );
        expect(detail).not.toContain('TEMP B-TREE');
      }
      expect(plan({ status: 'open', priority: 'high' }, { due: 1, _id: 1 }, ['d', 'i'])).toContain(
        '<expr>=? AND <expr>=? AND <expr>>?',
      );
    });

    it('finds array field matches through the elements table, not a scan', () => {
      const detail = plan({ tags: 'vip' }, { createdAt: -1, _id: -1 });
      expect(detail).toContain('idx#doc_queue USING PRIMARY KEY (field=? AND value=?)');
      expect(detail).not.toMatch(/SCAN doc_queue(?! USING)/);
    });
  });

  describe('array index triggers', () => {
    const profile = (id: string, noteCount: number, tags: string[]) => ({
      _id: id,
      tags,
      searchHashes: [`h-${id}`, 'common'],
      noteCount,
      notes: Array.from({ length: noteCount }, (_, n) => ({ noteId: `n${n}`, text: 'x' })),
    });
    const spec = {
      name: 'profiles',
      indexes: [
        { field: 'status' },
        { field: 'searchHashes', array: true as const },
        { field: 'tags', array: true as const },
      ],
    };
    /** Counts writes to the elements table (a test-only trigger on it). */
    const countElementWrites = (db: Database.Database): (() => number) => {
      const values = valuesTable('doc_profiles');
      db.exec('CREATE TABLE IF NOT EXISTS element_writes (n INTEGER NOT NULL)');
      db.exec('DELETE FROM element_writes; INSERT INTO element_writes VALUES (0)');
      for (const kind of ['INSERT', 'DELETE'])
        db.exec(
          `CREATE TRIGGER IF NOT EXISTS "count_${kind}" AFTER ${kind} ON "${values}" BEGIN UPDATE element_writes SET n = n + 1; END`,
        );
      return () => (db.prepare('SELECT n FROM element_writes').get() as { n: number }).n;
    };
    const elements = (db: Database.Database) =>
      db
        .prepare(`SELECT field, value, id FROM "${valuesTable('doc_profiles')}" ORDER BY 1, 2, 3`)
        .all();

    it('an upsert that changes no array field leaves the elements untouched; one that does rewrites them', async () => {
      const filename = join(folder, 'untouched.sqlite');
      const store = new EmbeddedDocumentStore({ filename });
      await store.ensureCollection(spec);
      await store.upsert('profiles', profile('c1', 1, ['vip']));
      const db = new Database(filename);
      try {
        const writes = countElementWrites(db);
        await store.commit({
          writes: [{ kind: 'put', collection: 'profiles', document: profile('c1', 2, ['vip']) }],
        });
        await store.update('profiles', 'c1', { $set: { noteCount: 3 } });
        expect(writes()).toBe(0);
        await store.upsert('profiles', profile('c1', 4, ['vip', 'gold']));
        expect(writes()).toBeGreaterThan(0);
        expect(elements(db)).toEqual([
          { field: 'searchHashes', value: 'common', id: 'c1' },
          { field: 'searchHashes', value: 'h-c1', id: 'c1' },
          { field: 'tags', value: 'gold', id: 'c1' },
          { field: 'tags', value: 'vip', id: 'c1' },
        ]);
        const found = await store.find('profiles', { tags: 'gold' });
        expect(found.items.map((item) => item._id)).toEqual(['c1']);
      } finally {
        db.close();
        await store.close();
      }
    });

    it('a data folder with older trigger definitions gets the current ones, and its elements refilled, on open', async () => {
      const filename = join(folder, 'legacy.sqlite');
      const legacy = new Database(filename);
      const values = valuesTable('doc_profiles');
      legacy.exec('CREATE TABLE "doc_profiles" (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
      legacy.exec(
        `CREATE TABLE "${values}" (field TEXT NOT NULL, value NOT NULL, id TEXT NOT NULL, PRIMARY KEY (field, value, id)) WITHOUT ROWID`,
      );
      // The old shape: one update trigger per field, firing on every update.
      for (const field of ['searchHashes', 'tags']) {
        const fill = `INSERT OR IGNORE INTO "${values}" (field, value, id) SELECT '${field}', value, new.id FROM json_each(new.body, '$.${field}');`;
        const clear = (row: string) =>
          `DELETE FROM "${values}" WHERE id = ${row}.id AND field = '${field}';`;
        legacy.exec(
          `CREATE TRIGGER "doc_profiles#${field}#insert" AFTER INSERT ON "doc_profiles" BEGIN ${clear('new')} ${fill} END`,
        );
        legacy.exec(
          `CREATE TRIGGER "doc_profiles#${field}#update" AFTER UPDATE ON "doc_profiles" BEGIN ${clear('old')} ${fill} END`,
        );
        legacy.exec(
          `CREATE TRIGGER "doc_profiles#${field}#delete" AFTER DELETE ON "doc_profiles" BEGIN ${clear('old')} END`,
        );
      }
      legacy
        .prepare('INSERT INTO "doc_profiles" (id, body) VALUES (?, ?)')
        .run('c1', JSON.stringify(profile('c1', 1, ['vip'])));
      legacy.prepare(`DELETE FROM "${values}" WHERE value = 'vip'`).run(); // what an old bug left
      legacy.close();

      const store = new EmbeddedDocumentStore({ filename });
      await store.ensureCollection(spec);
      const db = new Database(filename);
      try {
        const triggers = db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
          .all();
        expect(triggers).toEqual([
          { name: 'doc_profiles#searchHashes#delete' },
          { name: 'doc_profiles#searchHashes#insert' },
          { name: 'doc_profiles#tags#delete' },
          { name: 'doc_profiles#tags#insert' },
          { name: 'doc_profiles#update' },
        ]);
        expect(elements(db)).toContainEqual({ field: 'tags', value: 'vip', id: 'c1' });
        const writes = countElementWrites(db);
        await store.upsert('profiles', profile('c1', 2, ['vip']));
        expect(writes()).toBe(0);
        // Opening again finds nothing to replace.
        const before = db
          .prepare(
            "SELECT group_concat(sql, ';') AS s FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'doc_profiles'",
          )
          .get();
        await store.ensureCollection(spec);
        expect(writes()).toBe(0);
        expect(
          db
            .prepare(
              "SELECT group_concat(sql, ';') AS s FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'doc_profiles'",
            )
            .get(),
        ).toEqual(before);
      } finally {
        db.close();
        await store.close();
      }
    });
  });

  describe('document bodies', () => {
    it('are stored as JSONB, and text bodies of an older data folder still read, match, sort and count', async () => {
      const filename = join(folder, 'bodies.sqlite');
      const legacy = new Database(filename);
      legacy.exec('CREATE TABLE "doc_things" (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
      const old = {
        _id: 'a',
        n: 1.5,
        tags: ['x', 'y'],
        name: 'é "quoted" \\ \u2028',
        nested: { k: [1, null] },
      };
      legacy
        .prepare('INSERT INTO "doc_things" (id, body) VALUES (?, ?)')
        .run('a', JSON.stringify(old));
      legacy.close();

      const store = new EmbeddedDocumentStore({ filename });
      await store.ensureCollection({
        name: 'things',
        indexes: [{ field: 'n' }, { field: 'tags', array: true }],
      });
      const added = {
        _id: 'b',
        n: 0.1,
        tags: ['x'],
        name: '\ud83d\ude00 big 9007199254740991',
        nested: {},
      };
      await store.upsert('things', added);
      const db = new Database(filename, { readonly: true });
      try {
        const types = db
          .prepare('SELECT id, typeof(body) AS type FROM "doc_things" ORDER BY id')
          .all();
        expect(types).toEqual([
          { id: 'a', type: 'text' },
          { id: 'b', type: 'blob' },
        ]);
      } finally {
        db.close();
      }
      expect(await store.get('things', 'a')).toEqual(old);
      expect(await store.get('things', 'b')).toEqual(added);
      expect(await store.getMany('things', ['a', 'b'])).toHaveLength(2);
      const page = await store.find('things', { tags: 'x' }, { sort: { n: 1 } });
      expect(page.items).toEqual([added, old]);
      expect(await store.count('things', { n: { $gt: 1 } })).toBe(1);
      expect(
        await store.aggregate('things', [{ $match: { tags: 'y' } }, { $project: { name: 1 } }]),
      ).toEqual([{ _id: 'a', name: old.name }]);
      // Rewriting the old row converts it.
      expect(await store.update('things', 'a', { $set: { n: 2 } })).toBe(true);
      expect(await store.get('things', 'a')).toEqual({ ...old, n: 2 });
      await store.close();
    });
  });
});
