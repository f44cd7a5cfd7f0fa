import type { ClientBase } from 'pg';
import type { CommitBatch, Document, DocumentWrite } from '../../document-store.port';
import { CheckpointMovedError } from '../../errors';
import { prepared } from './pg-session';

export const assertId = (collection: string, document: Document): void => {
  if (typeof document._id !== 'string' || document._id === '') {
    throw new Error(`document in ${collection} needs a string _id`);
  }
};

/**
 * Moves a checkpoint inside the caller's transaction. With `expected`, the move is one
 * conditional statement: a concurrent writer of the same checkpoint waits on the row lock (or
 * on the key of the row being inserted), then re-reads the committed row, finds it moved and
 * gets no row back. That writer then fails with CheckpointMovedError and its transaction, with
 * its documents, rolls back: two processes that both think they own a projection cannot both
 * apply a batch.
 */
export const moveCheckpoint = async (
  client: ClientBase,
  checkpoints: string,
  { name, position, expected }: NonNullable<CommitBatch['checkpoint']>,
): Promise<void> => {
  if (expected === undefined) {
    await client.query(
      prepared(
        `INSERT INTO ${checkpoints} (name, position) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = now()`,
        [name, position],
      ),
    );
    return;
  }
  const { rowCount } =
    expected === null
      ? await client.query(
          prepared(
            `INSERT INTO ${checkpoints} (name, position) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
            [name, position],
          ),
        )
      : await client.query(
          prepared(
            `UPDATE ${checkpoints} SET position = $2, updated_at = now() WHERE name = $1 AND position = $3`,
            [name, position, expected],
          ),
        );
  if ((rowCount ?? 0) > 0) return;
  const { rows } = await client.query<{ position: string }>(
    `SELECT position FROM ${checkpoints} WHERE name = $1`,
    [name],
  );
  throw new CheckpointMovedError(name, expected, rows[0] ? Number(rows[0].position) : null);
};

/**
 * Writes a batch inside the caller's transaction: per collection one DELETE and one upsert
 * statement. Each write replaces or removes a whole document, so only the last write to an id
 * counts; deletes go first, so a document replacing a deleted one on a unique field fits.
 * Ids are written in sorted order, so concurrent writers lock rows in the same order.
 */
export const applyWrites = async (
  client: ClientBase,
  writes: readonly DocumentWrite[],
  table: (collection: string) => string,
): Promise<void> => {
  const last = new Map<string, Map<string, DocumentWrite>>();
  for (const write of writes) {
    const byId = last.get(write.collection) ?? new Map<string, DocumentWrite>();
    const id = write.kind === 'put' ? write.document._id : write.id;
    byId.delete(id);
    byId.set(id, write);
    last.set(write.collection, byId);
  }
  for (const [collection, byId] of last) {
    const ids = [...byId.keys()].sort();
    const deleted = ids.filter((id) => byId.get(id)?.kind === 'delete');
    const put = ids.flatMap((id) => {
      const write = byId.get(id);
      return write?.kind === 'put' ? [write.document] : [];
    });
    if (deleted.length > 0)
      await client.query(
        prepared(`DELETE FROM ${table(collection)} WHERE id = ANY($1::text[])`, [deleted]),
      );
    if (put.length > 0)
      await client.query(
        prepared(
          `INSERT INTO ${table(collection)} (id, body)
           SELECT d->>'_id', d FROM jsonb_array_elements($1::jsonb) AS a(d)
           ON CONFLICT (id) DO UPDATE SET body = excluded.body`,
          [JSON.stringify(put)],
        ),
      );
  }
};
