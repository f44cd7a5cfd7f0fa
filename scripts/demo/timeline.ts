/** What a scheduled step gets: the API, and the ids earlier steps created. */
export type Send = (
  method: 'POST' | 'PATCH' | 'PUT',
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: Record<string, unknown> }>;

export type Step = {
  at: number;
  label: string;
  run: (send: Send) => Promise<void>;
  /** Runs once the read models have applied every earlier command (e.g. a launch reads them). */
  settle?: boolean;
  /** Sent with the admin key (configuration, such as a pipeline definition); else the service key. */
  admin?: boolean;
};
type StepOptions = { settle?: boolean; admin?: boolean };

/** An id another step fills in when it runs; steps that need it run later in time. */
export class Ref {
  id: string | null = null;
}

/** Every generated command, sorted by simulated time before it runs. */
export class Timeline {
  readonly steps: Step[] = [];

  constructor(readonly end: number) {}

  /** Schedules a step; steps past the end of the simulated period are dropped. */
  add(
    at: number,
    label: string,
    run: (send: Send) => Promise<void>,
    options: StepOptions = {},
  ): boolean {
    if (at > this.end) return false;
    this.steps.push({ at, label, run, ...options });
    return true;
  }

  /** A command that needs an id created earlier: skipped when that command failed. */
  after(
    ref: Ref,
    at: number,
    label: string,
    run: (id: string, send: Send) => Promise<void>,
    options: StepOptions = {},
  ): boolean {
    return this.add(
      at,
      label,
      async (send) => {
        if (ref.id) await run(ref.id, send);
      },
      options,
    );
  }

  sorted(): Step[] {
    return [...this.steps].sort((a, b) => a.at - b.at);
  }
}

/** Sends a command and keeps the id it answers with. */
export const create =
  (ref: Ref, path: string, body: unknown) =>
  async (send: Send): Promise<void> => {
    const response = await send('POST', path, body);
    if (response.status === 201 && typeof response.body.id === 'string') ref.id = response.body.id;
  };
