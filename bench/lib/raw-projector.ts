import Database from 'better-sqlite3';
import type { Document } from '@crm/documents';
import type { Projection, ProjectionContext, RecordedEvent, Upcaster } from '@crm/eventsourcing';
import {
  ensureArrayIndex,
  planIndex,
} from '../../libs/documents/src/adapters/embedded/sql-indexes';

type EventRow = {
  position: number;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
};

/**
 * The baseline for rebuilding read models: hand-written SQLite, no framework. One pass over
 * the log in batches of 500; each batch's documents are cached in a Map, written with prepared
 * statements and committed with the checkpoint in the same transaction. Same tables, same
 * expression indexes and the same projections' logic (`apply`), so the difference is the
 * machinery (runner, unit of work, document store), not the read models.
 */
export const rawRebuild = async (
  eventsFile: string,
  documentsFile: string,
  projections: readonly Projection[],
  upcaster: Upcaster,
  batchSize = 500,
): Promise<number> => {
  const events = new Database(eventsFile, { readonly: true });
  const docs = new Database(documentsFile);
  docs.pragma('journal_mode = WAL');
  docs.pragma('synchronous = NORMAL');
  docs.exec(
    'CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL)',
  );
  const statements = new Map<
    string,
    {
      get: Database.Statement<[string], { body: string }>;
      put: Database.Statement;
      del: Database.Statement;
    }
  >();
  for (const projection of projections) {
    for (const spec of projection.collections) {
      const table = `doc_${spec.name}`;
      docs.exec(`CREATE TABLE IF NOT EXISTS "${table}" (id TEXT PRIMARY KEY, body TEXT NOT NULL)`);
      for (const index of spec.indexes ?? []) {
        const plan = planIndex(table, index);
        if (plan.kind === 'array') ensureArrayIndex(docs, table, plan.field);
        else docs.exec(plan.sql);
      }
      statements.set(spec.name, {
        // Bodies as the embedded store keeps them: SQLite's binary JSONB.
        get: docs.prepare(`SELECT json(body) AS body FROM "${table}" WHERE id = ?`),
        put: docs.prepare(
          `INSERT INTO "${table}" (id, body) VALUES (?, jsonb(?)) ON CONFLICT (id) DO UPDATE SET body = excluded.body`,
        ),
        del: docs.prepare(`DELETE FROM "${table}" WHERE id = ?`),
      });
    }
  }
  const checkpoint = docs.prepare(
    'INSERT OR REPLACE INTO checkpoints (name, position) VALUES (?, ?)',
  );
  const page = events.prepare<[number, number], EventRow>(
    'SELECT position, stream_id, revision, type, data, metadata, recorded_at FROM events WHERE position > ? ORDER BY position LIMIT ?',
  );
  const byType = new Map<string, Projection[]>();
  for (const projection of projections) {
    for (const type of projection.handles)
      byType.set(type, [...(byType.get(type) ?? []), projection]);
  }
  const mustStatements = (collection: string) => {
    const found = statements.get(collection);
    if (!found) throw new Error(`raw projector: unknown collection ${collection}`);
    return found;
  };

  let position = 0;
  let applied = 0;
  for (;;) {
    const rows = page.all(position, batchSize);
    if (rows.length === 0) break;
    const cache = new Map<string, Document | null>();
    const context: ProjectionContext = {
      get: async <T extends Document>(collection: string, id: string) => {
        const key = `${collection}\u0000${id}`;
        if (!cache.has(key)) {
          const row = mustStatements(collection).get.get(id);
          cache.set(key, row ? (JSON.parse(row.body) as Document) : null);
        }
        return (cache.get(key) ?? null) as T | null;
      },
      put: (collection, document) => cache.set(`${collection}\u0000${document._id}`, document),
      delete: (collection, id) => cache.set(`${collection}\u0000${id}`, null),
    };
    const dirty = new Set<string>();
    for (const row of rows) {
      const handlers = byType.get(row.type);
      if (!handlers) continue;
      const event: RecordedEvent = upcaster.upcast({
        streamId: row.stream_id,
        revision: row.revision,
        position: row.position,
        type: row.type,
        data: JSON.parse(row.data) as Record<string, unknown>,
        metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
        recordedAt: row.recorded_at,
      });
      for (const projection of handlers) {
        const tracking: ProjectionContext = {
          get: context.get,
          put: (collection, document) => {
            dirty.add(`${collection}\u0000${document._id}`);
            context.put(collection, document);
          },
          delete: (collection, id) => {
            dirty.add(`${collection}\u0000${id}`);
            context.delete(collection, id);
          },
        };
        await projection.apply(event, tracking);
        applied += 1;
      }
    }
    position = rows.at(-1)?.position ?? position;
    docs.transaction(() => {
      for (const key of dirty) {
        const [collection = '', id = ''] = key.split('\u0000');
        const document = cache.get(key);
        if (document) mustStatements(collection).put.run(id, JSON.stringify(document));
        else mustStatements(collection).del.run(id);
      }
      for (const projection of projections) checkpoint.run(projection.name, position);
    })();
  }
  events.close();
  docs.close();
  return applied;
};
