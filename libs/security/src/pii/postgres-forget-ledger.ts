import type { PoolClient } from 'pg';
import { Pool } from 'pg';
import type { ForgetLedger } from './forget-ledger';

export type PostgresForgetLedgerOptions = {
  connectionString: string;
  /** A schema of its own, apart from the data's, so a backup of the data never holds it. */
  schema: string;
  /** How often the whole ledger is checked for records a missed notification did not bring. */
  refreshMs?: number;
};

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/**
 * The forget ledger shared by every process of a PostgreSQL deployment: one row per forgotten
 * customer, in its own schema so that backing up (and restoring) the data schema never rolls
 * it back. Each process keeps the ids in memory for `has`; a record is announced with
 * NOTIFY, and a periodic count catches whatever a dropped listening connection missed.
 */
export class PostgresForgetLedger implements ForgetLedger {
  private readonly forgotten = new Set<string>();
  private readonly listeners = new Set<(customerId: string) => void>();
  /** Being recorded here: its own notification is not news to this process. */
  private readonly recording = new Set<string>();
  private listener: PoolClient | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stored = 0;
  private readonly table: string;
  private readonly channel: string;

  private constructor(
    private readonly pool: Pool,
    private readonly options: PostgresForgetLedgerOptions,
  ) {
    this.table = `${quote(options.schema)}.forget_ledger`;
    this.channel = `${options.schema}_forget`;
  }

  static async open(options: PostgresForgetLedgerOptions): Promise<PostgresForgetLedger> {
    const pool = new Pool({ connectionString: options.connectionString, max: 2 });
    pool.on('error', () => undefined); // an idle client's error; the next query reports it
    const ledger = new PostgresForgetLedger(pool, options);
    try {
      await ledger.migrate();
      await ledger.listen();
      await ledger.refresh();
    } catch (error) {
      await ledger.close();
      throw error;
    }
    ledger.schedule();
    return ledger;
  }

  has(customerId: string): boolean {
    return this.forgotten.has(customerId);
  }

  ids(): string[] {
    return [...this.forgotten];
  }

  /** Committed (and announced) before it resolves; recording twice is harmless. */
  async record(customerId: string): Promise<void> {
    this.recording.add(customerId);
    try {
      await this.pool.query(
        `WITH added AS (
           INSERT INTO ${this.table} (customer_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING 1)
         SELECT pg_notify($2, $1) FROM added`,
        [customerId, this.channel],
      );
      this.forgotten.add(customerId);
    } finally {
      this.recording.delete(customerId);
    }
  }

  /** Told of each customer another process forgot, once this one learns of it. */
  onForget(listener: (customerId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listener?.release(true);
    this.listener = null;
    await this.pool.end();
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Several processes start at once: one creates, the others find it made.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.table]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quote(this.options.schema)}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${this.table} (
           customer_id text PRIMARY KEY,
           recorded_at timestamptz NOT NULL DEFAULT now())`,
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async listen(): Promise<void> {
    const client = await this.pool.connect();
    client.on('notification', (message) => message.payload && this.add(message.payload));
    client.on('error', () => {
      if (this.listener === client) this.listener = null;
      client.release(true);
    });
    await client.query(`LISTEN ${quote(this.channel)}`);
    this.listener = client;
  }

  /** Rows only ever arrive, so a count that moved means records to read. */
  private async refresh(): Promise<void> {
    const { rows } = await this.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${this.table}`,
    );
    const count = Number(rows[0]?.n ?? 0);
    if (count === this.stored) return;
    const all = await this.pool.query<{ customer_id: string }>(
      `SELECT customer_id FROM ${this.table}`,
    );
    for (const row of all.rows) this.add(row.customer_id);
    this.stored = all.rows.length;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      void (async () => {
        try {
          if (!this.listener) await this.listen();
          await this.refresh();
        } catch {
          // the server is away; has() keeps answering from what is known, the next round retries
        }
        if (this.timer) this.schedule();
      })();
    }, this.options.refreshMs ?? 1000);
    this.timer.unref();
  }

  private add(customerId: string): void {
    if (this.forgotten.has(customerId) || this.recording.has(customerId)) return;
    this.forgotten.add(customerId);
    for (const listener of this.listeners) listener(customerId);
  }
}
