import { Client, escapeIdentifier } from 'pg';

export type ListenerOptions = {
  connectionString: string;
  channel: string;
  /** Called on every notification, and after each (re)connection, since notifications sent while deaf are lost. */
  onWake: () => void;
  /** First delay before reconnecting; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
};

/** Backends of listeners carry this name (operators and tests can find them). */
export const LISTENER_APPLICATION_NAME = 'crm-events-listener';

/**
 * One connection that LISTENs on the log's channel, so followers in this process wake as soon
 * as any process commits an append. When it drops (server restart, terminated backend) it
 * reconnects with backoff; meanwhile followers still poll, so nothing waits on it.
 */
export class PostgresListener {
  private client: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private delay: number;

  constructor(private readonly options: ListenerOptions) {
    this.delay = options.retryMs ?? 100;
  }

  start(): void {
    if (!this.client && !this.timer && !this.closed) void this.connect();
  }

  /** The backend pid while listening, else null. */
  get pid(): number | null {
    return (this.client as unknown as { processID?: number } | null)?.processID ?? null;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.options.connectionString,
      application_name: LISTENER_APPLICATION_NAME,
      connectionTimeoutMillis: 5000,
      keepAlive: true,
    });
    this.client = client;
    // A dead connection reports here once; without a handler it would crash the process.
    client.on('error', () => this.dropped(client));
    client.on('end', () => this.dropped(client));
    client.on('notification', () => this.options.onWake());
    try {
      await client.connect();
      await client.query(`LISTEN ${escapeIdentifier(this.options.channel)}`);
      if (this.client !== client) return;
      this.delay = this.options.retryMs ?? 100;
      this.options.onWake();
    } catch {
      this.dropped(client);
    }
  }

  private dropped(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, this.delay);
    this.delay = Math.max(this.delay, Math.min(this.delay * 2, this.options.maxRetryMs ?? 5000));
  }
}
