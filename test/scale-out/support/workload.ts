import { randomUUID } from 'node:crypto';
import type { AppProcess } from './app-process';
import { enforceFetchedContract } from '../../support/openapi-contract';

export type Answer = { id: string; streamRevision: number; position: number };

export type Command = {
  key: string;
  kind: 'create' | 'tag';
  path: string;
  body: unknown;
  tag?: string;
  answer?: Answer;
};

/**
 * Keyed customer commands spread over several APIs: a creation per customer, then tags of
 * created customers (each tag unique, so each command's event can be told apart). A request
 * that gets no answer (its API died, or a 503) is kept to be retried with the same key.
 */
export class Workload {
  readonly commands: Command[] = [];
  readonly total: number;
  private readonly queue: Command[] = [];
  private readonly pending = new Set<Command>();
  private next = 0;
  firstTimeAnswers = 0;
  unanswered = 0;
  /** Creations read back through another API than the one that took them, with `minPosition`. */
  crossReads = 0;
  /** Commands sent to both APIs at once with one key, both answering. */
  raced = 0;

  constructor(
    private readonly apis: AppProcess[],
    private readonly key: string,
    private readonly readKey: string,
    customers: number,
    private readonly tagsPerCustomer: number,
  ) {
    for (let i = 0; i < customers; i += 1) {
      this.queue.push({
        key: randomUUID(),
        kind: 'create',
        path: '/customers',
        body: { name: `Scale Customer ${i}`, email: `scale-${i}@example.com` },
      });
    }
    this.total = customers * (1 + tagsPerCustomer);
  }

  /** Sends everything at `concurrency`; `afterEach(done)` may kill processes midway. */
  async run(concurrency: number, afterEach: (done: number) => Promise<void>): Promise<void> {
    let done = 0;
    const worker = async (): Promise<void> => {
      for (;;) {
        const command = this.queue.shift();
        if (!command) {
          if (this.inFlight === 0) return;
          await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        this.inFlight += 1;
        try {
          this.commands.push(command);
          const api = this.pickApi();
          const raced = this.commands.length % 25 === 0;
          if (await (raced ? this.sendEverywhere(command) : this.send(command, api))) {
            this.firstTimeAnswers += 1;
            if (command.kind === 'create' && this.firstTimeAnswers % 20 === 0)
              await this.readElsewhere(command, api);
          } else {
            this.unanswered += 1;
            this.pending.add(command);
          }
        } finally {
          this.inFlight -= 1;
        }
        done += 1;
        await afterEach(done);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  private inFlight = 0;

  /** Retries every unanswered command with its key until each is answered; returns the count. */
  async retryUnanswered(api: AppProcess): Promise<number> {
    let retries = 0;
    for (let round = 0; this.pending.size > 0; round += 1) {
      if (round > 20) throw new Error(`${this.pending.size} commands never answered`);
      for (const command of [...this.pending]) {
        retries += 1;
        if (await this.send(command, api)) this.pending.delete(command);
      }
      // Tags of customers whose creation was only now answered.
      while (this.queue.length > 0) {
        const command = this.queue.shift()!;
        this.commands.push(command);
        if (!(await this.send(command, api))) this.pending.add(command);
      }
      if (this.pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return retries;
  }

  /** Sends answered commands again with their keys: each must answer as it did the first time. */
  async replayAnswered(api: AppProcess, count: number): Promise<number> {
    const sample = this.commands.filter((c) => c.answer).slice(0, count);
    for (const command of sample) {
      const first = command.answer;
      delete command.answer;
      if (!(await this.send(command, api))) throw new Error(`replay of ${command.key} unanswered`);
      if (JSON.stringify(command.answer) !== JSON.stringify(first))
        throw new Error(
          `replay of ${command.key} answered ${JSON.stringify(command.answer)}, first ${JSON.stringify(first)}`,
        );
    }
    return sample.length;
  }

  /**
   * Read-your-writes across processes: the other API waits on the checkpoints the projectors
   * store. A 200 must show the write; a 503 (read model not there within the wait, e.g. while
   * a projector is being taken over) is asked again, never answered with stale data.
   */
  private async readElsewhere(command: Command, writer: AppProcess): Promise<void> {
    const answer = command.answer;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const reader = this.apis.find((api) => api !== writer && api.alive);
      if (!reader || !answer) return;
      let response: Response;
      try {
        response = await fetch(
          `${reader.url}/customers/${answer.id}?minPosition=${answer.position}`,
          { headers: { authorization: `Bearer ${this.readKey}` } },
        );
      } catch {
        continue; // the reader was killed meanwhile: try the next one
      }
      await enforceFetchedContract('GET', response.url, response);
      const body = (await response.json()) as { customerId?: string };
      if (response.status === 200) {
        if (body.customerId !== answer.id)
          throw new Error(`read of ${answer.id} elsewhere answered ${JSON.stringify(body)}`);
        this.crossReads += 1;
        return;
      }
      if (response.status !== 503)
        throw new Error(`read of ${answer.id} elsewhere answered ${response.status}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`read of ${answer?.id} never answered 200 on another API`);
  }

  private pickApi(): AppProcess {
    const alive = this.apis.filter((api) => api.alive);
    const api = alive[this.next % alive.length];
    this.next += 1;
    if (!api) throw new Error('no API left');
    return api;
  }

  /** True when answered (and recorded); false when it must be retried. */
  private async send(command: Command, api: AppProcess): Promise<boolean> {
    const body = await this.post(command, api);
    if (body) this.record(command, body);
    return body !== null;
  }

  /**
   * The same keyed request to every live API at once: the processes race to append the same
   * event ids, and every one that answers must answer alike.
   */
  private async sendEverywhere(command: Command): Promise<boolean> {
    const answers = (
      await Promise.all(this.apis.filter((a) => a.alive).map((api) => this.post(command, api)))
    ).filter((answer): answer is Answer => answer !== null);
    const [first] = answers;
    if (!first) return false;
    for (const other of answers.slice(1)) {
      if (JSON.stringify(other) !== JSON.stringify(first))
        throw new Error(
          `racing ${command.key} answered ${JSON.stringify(first)} and ${JSON.stringify(other)}`,
        );
    }
    if (answers.length > 1) this.raced += 1;
    this.record(command, first);
    return true;
  }

  /** The answer, or null when there is none to trust (no response, or 503). */
  private async post(command: Command, api: AppProcess): Promise<Answer | null> {
    let response: Response;
    try {
      response = await fetch(`${api.url}${command.path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.key}`,
          'content-type': 'application/json',
          'idempotency-key': command.key,
        },
        body: JSON.stringify(command.body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      return null; // no answer: the process died with the request in flight
    }
    await enforceFetchedContract('POST', response.url, response);
    const body = (await response.json().catch(() => null)) as Answer | null;
    if (response.status === 503) return null;
    if ((response.status !== 200 && response.status !== 201) || !body)
      throw new Error(`${command.path} answered ${response.status}: ${JSON.stringify(body)}`);
    return { id: body.id, streamRevision: body.streamRevision, position: body.position };
  }

  private record(command: Command, answer: Answer): void {
    const firstAnswer = command.answer === undefined;
    command.answer = answer;
    if (firstAnswer && command.kind === 'create') this.queueTags(answer.id);
  }

  private queueTags(customerId: string): void {
    for (let i = 0; i < this.tagsPerCustomer; i += 1) {
      const tag = `t-${randomUUID().slice(0, 8)}`;
      this.queue.push({
        key: randomUUID(),
        kind: 'tag',
        path: `/customers/${customerId}/tags`,
        body: { tags: [tag] },
        tag,
      });
    }
  }
}
