/** What one request of a batch came to: its own value or its own error. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Error };

type Pending<Request, Result> = {
  request: Request;
  resolve: (value: Result) => void;
  reject: (error: Error) => void;
};

/**
 * Group commit for a synchronous driver: requests submitted during one turn of the event loop
 * (concurrent command handlers, requests read in one poll phase) are handed to `commit` together
 * at the next check phase, so they share one transaction and one fsync. `commit` answers one
 * outcome per request, in order, so one refused request does not fail the others.
 */
export class GroupCommitQueue<Request, Result> {
  private pending: Pending<Request, Result>[] = [];
  private scheduled: NodeJS.Immediate | null = null;

  constructor(
    private readonly commit: (requests: Request[]) => Outcome<Result>[],
    private readonly maxBatch = 512,
  ) {}

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Commits everything submitted so far, now (also used before the store closes). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      const outcomes = this.commitSafely(batch.map((p) => p.request));
      batch.forEach((pending, index) => {
        const outcome = outcomes[index];
        if (outcome?.ok) pending.resolve(outcome.value);
        else pending.reject(outcome?.error ?? new Error('group commit lost a request'));
      });
    }
  }

  private commitSafely(requests: Request[]): Outcome<Result>[] {
    try {
      return this.commit(requests);
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      return requests.map(() => ({ ok: false, error: failure }));
    }
  }
}
