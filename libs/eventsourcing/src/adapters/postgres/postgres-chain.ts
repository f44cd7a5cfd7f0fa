import { Client } from 'pg';
import type { ChainLink, ChainVerification } from '../../store/hash-chain';
import { ChainWalker } from '../../store/hash-chain';
import { translatePgError } from './postgres-errors';
import { eventTables } from './postgres-event-store.schema';
import { ISO_RECORDED_AT } from './postgres-rows';

const PAGE = 2000;

type LinkRow = [
  position: string,
  eventId: string,
  streamId: string,
  revision: string,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: string,
  previousHash: string,
  hash: string,
];

const toLink = (row: LinkRow): ChainLink => ({
  position: Number(row[0]),
  eventId: row[1],
  streamId: row[2],
  revision: Number(row[3]),
  type: row[4],
  schemaVersion: row[5],
  data: row[6],
  metadata: row[7],
  recordedAt: row[8],
  previousHash: row[9],
  hash: row[10],
});

/**
 * Walks the PostgreSQL log in position order (pages of PAGE events), recomputing each link from
 * its stored text, then checks that the chain ends where the store says it does: events cut
 * from the end of the log would otherwise leave an intact, shorter chain. Runs in one
 * repeatable-read transaction, so appends made meanwhile are not half seen.
 */
export const verifyPostgresChain = async (options: {
  connectionString: string;
  schema: string;
}): Promise<ChainVerification> => {
  const { events, chain } = eventTables(options.schema);
  const client = new Client({ connectionString: options.connectionString });
  try {
    await client.connect();
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const walker = new ChainWalker();
    let last = 0;
    for (;;) {
      const { rows } = await client.query<LinkRow>({
        text: `SELECT position, event_id, stream_id, revision, type, schema_version, data::text,
                      metadata::text, ${ISO_RECORDED_AT}, previous_hash, hash
               FROM ${events} WHERE position > $1 ORDER BY position LIMIT ${PAGE}`,
        values: [last],
        rowMode: 'array',
      });
      for (const row of rows) {
        const link = toLink(row);
        const firstBreak = walker.step(link);
        if (firstBreak) return { checked: walker.checked, head: walker.head, firstBreak };
        last = link.position;
      }
      if (rows.length < PAGE) break;
    }
    const recorded = await client.query<{ hash: string }>(`SELECT hash FROM ${chain}`);
    const head = recorded.rows[0]?.hash;
    const firstBreak =
      head === walker.head
        ? null
        : {
            position: last,
            reason: `the log ends before its recorded chain head ${head ?? '(none)'}`,
          };
    return { checked: walker.checked, head: walker.head, firstBreak };
  } catch (error) {
    throw translatePgError(error);
  } finally {
    await client.end().catch(() => undefined);
  }
};
