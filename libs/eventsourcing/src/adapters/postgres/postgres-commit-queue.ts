/** What one request of a batch came to; `again` sends it to the next batch. */
export type BatchOutcome<T> =
  { kind: 'done'; value: T } | { kind: 'failed'; error: Error } | { kind: 'again' };

type Pending<Request, Result> = {
  request: Request;
  resolve: (value: Result) => void;
  reject: (error: Error) => void;
};

/**
 * Group commit for an asynchronous driver: while one batch's transaction is in flight, the
 * requests that arrive wait and then commit together in the next one. Appends serialise on the
 * log's lock anyway (docs/adr/0013), so one transaction at a time per process loses nothing
 * and concurrent handlers share one round trip set and one WAL flush.
 */
export class AsyncCommitQueue<Request, Result> {
  private pending: Pending<Request, Result>[] = [];
  private running: Promise<void> | null = null;

  constructor(
    private readonly commit: (requests: Request[]) => Promise<BatchOutcome<Result>[]>,
    private readonly maxBatch = 1000,
  ) {}

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      // The first request of a burst waits one turn, so the rest of that turn joins it.
      this.running ??= new Promise<void>((started) => setImmediate(started)).then(() => this.run());
    });
  }

  /** Resolves once everything submitted so far has been answered. */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.maxBatch);
        const outcomes = await this.commitSafely(batch.map((p) => p.request));
        const again: Pending<Request, Result>[] = [];
        batch.forEach((pending, index) => {
          const outcome = outcomes[index];
          if (outcome?.kind === 'done') pending.resolve(outcome.value);
          else if (outcome?.kind === 'again') again.push(pending);
          else pending.reject(outcome?.error ?? new Error('group commit lost a request'));
        });
        this.pending.unshift(...again);
      }
    } finally {
      this.running = null;
    }
  }

  private async commitSafely(requests: Request[]): Promise<BatchOutcome<Result>[]> {
    try {
      return await this.commit(requests);
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      return requests.map(() => ({ kind: 'failed', error: failure }));
    }
  }
}
