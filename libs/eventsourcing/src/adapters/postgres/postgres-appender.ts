import type { Pool, PoolClient, QueryResult } from 'pg';
import { escapeLiteral } from 'pg';
import type { AppendResult } from '../../store/event-store.port';
import type { AppendRequest, EventInsert, LogState, StoredEvent } from './postgres-batch-plan';
import { planBatch } from './postgres-batch-plan';
import type { BatchOutcome } from './postgres-commit-queue';
import type { EventTables } from './postgres-event-store.schema';
import { isUnavailable, translatePgError } from './postgres-errors';

/** A writer that holds the lock longer than this (hung, paused) makes appends answer 503. */
const LOCK_TIMEOUT = '10s';

/**
 * The write side. A batch of appends is one transaction: take the log's lock (the chain head
 * row), read the revisions and event ids the batch touches, decide every append in memory
 * (postgres-batch-plan.ts), insert the accepted events in one statement, commit. Under the lock
 * the reads cannot go stale, so each append gets its own outcome without savepoints, and
 * positions are drawn and committed in log order (docs/adr/0013).
 */
export class PostgresAppender {
  private readonly sql;

  constructor(
    private readonly pool: Pool,
    private readonly tables: EventTables,
  ) {
    const { events, chain, channel } = tables;
    this.sql = {
      // Each statement of a simple query gets its own snapshot: the reads after the lock see
      // every append committed before it was granted.
      lock: `BEGIN; SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'; SELECT hash FROM ${chain} FOR UPDATE;`,
      state: (streams: string, ids: string) =>
        `SELECT 'revision' AS kind, stream_id AS key, NULL AS stream_id, max(revision) AS revision, NULL::bigint AS position
           FROM ${events} WHERE stream_id = ANY(${streams}) GROUP BY stream_id
         UNION ALL
         SELECT 'event', event_id, stream_id, revision, position FROM ${events} WHERE event_id = ANY(${ids});`,
      insert: (columns: string, chainHead: string) =>
        `WITH inserted AS (
           INSERT INTO ${events} (event_id, stream_id, revision, type, schema_version, data, metadata,
                                  command_id, customer_id, recorded_at, previous_hash, hash)
           SELECT * FROM unnest(${columns})
           RETURNING event_id, position
         ), chained AS (UPDATE ${chain} SET hash = ${chainHead})
         SELECT event_id, position FROM inserted;`,
      head: `SELECT coalesce(max(position), 0) AS head FROM ${events};`,
      // Delivered at commit, to every process listening on this schema's channel.
      notify: `SELECT pg_notify(${escapeLiteral(channel)}, '');`,
    };
  }

  /** One outcome per request, in order. Throws only when the transaction as a whole failed. */
  async commit(requests: AppendRequest[]): Promise<BatchOutcome<AppendResult>[]> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw translatePgError(error);
    }
    // A connection that dies while checked out also emits 'error' (its query rejects as well);
    // unheard, that event would crash the process.
    const ignore = (): void => undefined;
    client.on('error', ignore);
    let broken: Error | undefined;
    try {
      return await this.inTransaction(client, requests);
    } catch (error) {
      // A broken connection is dropped from the pool; a healthy one rolls back and is reused.
      if (isUnavailable(error)) broken = error as Error;
      else await client.query('ROLLBACK').catch(ignore);
      throw translatePgError(error);
    } finally {
      client.off('error', ignore);
      client.release(broken);
    }
  }

  /**
   * Two round trips: lock and read, then write and commit. Values travel as quoted literals in
   * simple queries (parameters would cost a round trip per statement); `escapeLiteral` quotes
   * every text, numbers are integers the plan computed or checked.
   */
  private async inTransaction(
    client: PoolClient,
    requests: AppendRequest[],
  ): Promise<BatchOutcome<AppendResult>[]> {
    // Text with NUL cannot be stored or even quoted; planBatch refuses those appends alone.
    const storable = (text: string): boolean => !text.includes('\u0000');
    const streams = [...new Set(requests.map((r) => r.streamId))].filter(storable);
    const ids = requests.flatMap((r) => r.events.map((e) => e.metadata.eventId)).filter(storable);
    const read = (await client.query(
      this.sql.lock + this.sql.state(textArray(streams), textArray(ids)),
    )) as unknown as QueryResult[];
    const chainHead = (read[2]?.rows[0] as { hash?: string } | undefined)?.hash;
    if (chainHead === undefined) throw new Error(`${this.tables.chain} has no head row`);
    const log = toLogState(chainHead, (read[3]?.rows ?? []) as StateRow[]);
    const plan = planBatch(requests, log, new Date().toISOString());

    const needsHead = plan.outcomes.some((o) => o.kind === 'empty');
    const statements = [
      plan.rows.length > 0
        ? this.sql.insert(insertColumns(plan.rows), escapeLiteral(plan.chainHead))
        : '',
      needsHead ? this.sql.head : '',
      plan.rows.length > 0 ? this.sql.notify : '',
      'COMMIT',
    ];
    const written = (await client.query(statements.join(''))) as unknown as
      QueryResult[] | QueryResult;
    const results = Array.isArray(written) ? written : [written];
    const positions = new Map<string, number>();
    if (plan.rows.length > 0) {
      for (const row of (results[0]?.rows ?? []) as { event_id: string; position: string }[]) {
        positions.set(row.event_id, Number(row.position));
      }
    }
    const headRow = needsHead
      ? (results[plan.rows.length > 0 ? 1 : 0]?.rows[0] as { head?: string } | undefined)
      : undefined;
    const head = Number(headRow?.head ?? 0);
    return plan.outcomes.map((outcome): BatchOutcome<AppendResult> => {
      switch (outcome.kind) {
        case 'written':
          return {
            kind: 'done',
            value: {
              nextExpectedRevision: outcome.nextExpectedRevision,
              position: positions.get(outcome.lastEventId) ?? 0,
            },
          };
        case 'empty':
          return {
            kind: 'done',
            value: { nextExpectedRevision: outcome.nextExpectedRevision, position: head },
          };
        case 'again':
        case 'done':
        case 'failed':
          return outcome;
      }
    });
  }
}

type StateRow = {
  kind: 'revision' | 'event';
  key: string;
  stream_id: string | null;
  revision: string;
  position: string | null;
};

const toLogState = (chainHead: string, rows: StateRow[]): LogState => {
  const revisions = new Map<string, number>();
  const storedIds = new Map<string, StoredEvent>();
  for (const row of rows) {
    if (row.kind === 'revision') revisions.set(row.key, Number(row.revision));
    else
      storedIds.set(row.key, {
        streamId: row.stream_id ?? '',
        revision: Number(row.revision),
        position: Number(row.position),
      });
  }
  return { chainHead, revisions, storedIds };
};

const textArray = (values: readonly (string | null)[], type = 'text'): string =>
  `ARRAY[${values.map((v) => (v === null ? 'NULL' : escapeLiteral(v))).join(',')}]::${type}[]`;

const intArray = (values: readonly number[], type: 'bigint' | 'int'): string =>
  `ARRAY[${values.map((v) => String(Math.trunc(v))).join(',')}]::${type}[]`;

/** The twelve columns of the insert, in chain order (the identity draws positions in it). */
const insertColumns = (rows: readonly EventInsert[]): string => {
  const text = <K extends keyof EventInsert>(key: K, type = 'text'): string =>
    textArray(
      rows.map((row) => row[key] as string | null),
      type,
    );
  return [
    text('eventId'),
    text('streamId'),
    intArray(
      rows.map((r) => r.revision),
      'bigint',
    ),
    text('type'),
    intArray(
      rows.map((r) => r.schemaVersion),
      'int',
    ),
    text('data', 'json'),
    text('metadata', 'json'),
    text('commandId'),
    text('customerId'),
    text('recordedAt', 'timestamptz'),
    text('previousHash'),
    text('hash'),
  ].join(', ');
};
