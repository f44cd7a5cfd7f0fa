import type { Pool, PoolClient } from 'pg';

/** Runs `work` in one transaction on one pooled connection; a broken connection is discarded. */
export const inTransaction = async <T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> => {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollback: unknown) => {
      broken = rollback instanceof Error ? rollback : new Error(String(rollback));
    });
    throw error;
  } finally {
    client.release(broken);
  }
};

const BATCH = 500;

/**
 * Reads the rows of `select` in batches through a server-side cursor, handing each to `visit`
 * until it returns false: a scan that mingo filters never holds the collection in memory, and
 * stops reading once a page is full.
 */
export const streamRows = <Row>(
  pool: Pool,
  select: string,
  params: readonly unknown[],
  visit: (row: Row) => boolean,
): Promise<void> =>
  inTransaction(
    pool,
    async (client) => {
      await client.query(`DECLARE rows NO SCROLL CURSOR FOR ${select}`, [...params]);
      for (;;) {
        const { rows } = await client.query<Row & Record<string, unknown>>(
          `FETCH ${BATCH} FROM rows`,
        );
        for (const row of rows) if (!visit(row)) return;
        if (rows.length < BATCH) return;
      }
    },
    'BEGIN READ ONLY',
  );

/** Runs `work` on one pooled connection outside a transaction. */
export const withClient = async <T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> => {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return await work(client);
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
};
