import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { TestApp } from '../support/test-app';

/**
 * The documents of the read-model tables whose names match `where` (an SQL condition on
 * `name`), by table, in id order and without `_position`: what a merge then unmerge must
 * leave exactly as it was.
 */
export const readModelDocuments = (t: TestApp, where: string): Record<string, unknown[]> => {
  const db = new Database(join(t.dataDir, 'documents.sqlite'), { readonly: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND (${where}) ORDER BY name`)
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((table) => [
        table,
        (db.prepare(`SELECT json(body) FROM "${table}" ORDER BY id`).pluck().all() as string[]).map(
          (body) => {
            const { _position, ...document } = JSON.parse(body) as Record<string, unknown>;
            return document;
          },
        ),
      ]),
    );
  } finally {
    db.close();
  }
};
