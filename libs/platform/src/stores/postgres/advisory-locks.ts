import { Client } from 'pg';

export type AdvisoryLocksOptions = {
  connectionString: string;
  /** Locks are per schema: deployments sharing one server in different schemas do not meet. */
  schema: string;
  /** How often free locks are tried and the connection is checked (takeover time after a death). */
  pollIntervalMs?: number;
  logger?: { warn(message: string, context?: Record<string, unknown>): void };
};

const UNLOCK = 'SELECT pg_advisory_unlock(hashtext($1), hashtext($2))';

export type LockListener = (name: string, held: boolean) => void;

/**
 * Named exclusive ownership between processes: one PostgreSQL session advisory lock per name,
 * all held on one dedicated connection. The server releases them the moment that connection
 * ends, so when the holder dies (even `kill -9`) another process takes each name on its next
 * poll. When this process loses its connection it gives every name up at once, before it
 * reconnects; a name is never believed held without a live session holding it.
 */
export class AdvisoryLocks {
  private readonly wanted = new Set<string>();
  private readonly held = new Set<string>();
  private readonly listeners = new Set<LockListener>();
  private client: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly namespace: string;
  private readonly pollIntervalMs: number;

  constructor(private readonly options: AdvisoryLocksOptions) {
    this.namespace = `crm:${options.schema}`;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  /** Starts trying for the names (the first try before this resolves) and keeps trying. */
  async start(names: readonly string[] = []): Promise<void> {
    for (const name of names) this.wanted.add(name);
    await this.tick();
    this.schedule();
  }

  /** Adds names to try for (webhook endpoints appear while running); tried at once. */
  async want(names: readonly string[]): Promise<void> {
    const fresh = names.filter((name) => !this.wanted.has(name));
    for (const name of fresh) this.wanted.add(name);
    if (fresh.length > 0) await this.tick();
  }

  /** Stops trying for a name and releases it if held. */
  async forget(name: string): Promise<void> {
    this.wanted.delete(name);
    if (!this.held.has(name)) return;
    this.setHeld(name, false);
    try {
      await this.client?.query(UNLOCK, [this.namespace, name]);
    } catch {
      // the connection is going anyway; the server drops the lock with it
    }
  }

  holds(name: string): boolean {
    return this.held.has(name);
  }

  heldNames(): string[] {
    return [...this.held];
  }

  onChange(listener: LockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Gives every lock back (the session ends) so other processes take over at once. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
    await this.disconnect();
  }

  private schedule(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      void this.tick().finally(() => this.schedule());
    }, this.pollIntervalMs);
    this.timer.unref();
  }

  /** One round: connect if needed, then try every wanted name not held (also a liveness check). */
  private tick(): Promise<void> {
    this.ticking = this.ticking.then(() => this.round());
    return this.ticking;
  }

  private async round(): Promise<void> {
    if (this.closed) return;
    try {
      const client = this.client ?? (await this.connect());
      const missing = [...this.wanted].filter((name) => !this.held.has(name));
      const result = await client.query<{ name: string; taken: boolean }>(
        `SELECT name, pg_try_advisory_lock(hashtext($1), hashtext(name)) AS taken
           FROM unnest($2::text[]) AS name`,
        [this.namespace, missing],
      );
      for (const row of result.rows) {
        if (!row.taken) continue;
        // Forgotten while the round ran: hand it straight back.
        if (this.wanted.has(row.name)) this.setHeld(row.name, true);
        else await client.query(UNLOCK, [this.namespace, row.name]);
      }
    } catch (error) {
      this.options.logger?.warn('lock connection lost; standing by until it is back', {
        error: error instanceof Error ? error.message : String(error),
      });
      await this.disconnect();
    }
  }

  private async connect(): Promise<Client> {
    const client = new Client({
      connectionString: this.options.connectionString,
      application_name: 'crm-locks',
      keepAlive: true,
      query_timeout: Math.max(5000, this.pollIntervalMs * 5),
      connectionTimeoutMillis: 5000,
    });
    // An error between queries (server restart, network) ends every ownership now.
    client.on('error', () => void this.disconnect());
    client.on('end', () => void this.lostSession(client));
    await client.connect();
    this.client = client;
    return client;
  }

  private lostSession(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    for (const name of [...this.held]) this.setHeld(name, false);
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.lostSession(client);
    await client.end().catch(() => undefined);
  }

  private setHeld(name: string, held: boolean): void {
    if (held === this.held.has(name)) return;
    if (held) this.held.add(name);
    else this.held.delete(name);
    for (const listener of this.listeners) listener(name, held);
  }
}
