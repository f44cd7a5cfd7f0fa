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
});
