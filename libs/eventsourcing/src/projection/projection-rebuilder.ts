import type { DocumentStore } from '@crm/documents';
import type { EventStore } from '../store/event-store.port';
import type { Upcaster } from '../store/upcaster';
import type { Projection, ProjectionContext } from './projection';
import { PROJECTION_STOPS } from './projection-stops';
import { ProjectorRunner } from './projector-runner';

export type RebuildProgress = {
  projection: string;
  state: 'building' | 'swapping' | 'done' | 'failed';
  /** Log position the fresh copy has reached, and the head it is catching up with. */
  done: number;
  total: number;
  /**
   * Events of the types the projection handles: applied so far, and in the log up to the head
   * (counted, since positions are not dense). Rate and ETA come from these counts.
   */
  eventsDone: number;
  eventsTotal: number;
  startedAt: string;
  eventsPerSecond: number;
  etaSeconds: number | null;
  error?: string;
};

const SHADOW_SUFFIX = '__rb';
export const shadowCollection = (name: string): string => `${name}${SHADOW_SUFFIX}`;

/** The same projection, writing into shadow collections under its own checkpoint. */
export const shadowOf = (projection: Projection): Projection => {
  const rename = (context: ProjectionContext): ProjectionContext => ({
    get: (collection, id) => context.get(shadowCollection(collection), id),
    put: (collection, document) => context.put(shadowCollection(collection), document),
    delete: (collection, id) => context.delete(shadowCollection(collection), id),
  });
  return {
    name: `${projection.name}${SHADOW_SUFFIX}`,
    collections: projection.collections.map((c) => ({ ...c, name: shadowCollection(c.name) })),
    handles: projection.handles,
    apply: (event, context) => projection.apply(event, rename(context)),
  };
};

const POLL_MS = 100;
const COUNT_PAGE = 5_000;

/** Counts the events of `types` after `from` up to the log's head; answers where it stopped. */
const countEvents = async (
  events: EventStore,
  types: readonly string[],
  from: number,
): Promise<{ count: number; position: number }> => {
  let count = 0;
  let position = from;
  for (;;) {
    const page = await events.readAll({ fromPosition: position, limit: COUNT_PAGE, types });
    count += page.events.length;
    if (page.position <= position) return { count, position };
    position = page.position;
  }
};

/** The projection, counting the events it applies. */
const counting = (projection: Projection, counter: { applied: number }): Projection => ({
  ...projection,
  apply: async (event, context) => {
    await projection.apply(event, context);
    counter.applied += 1;
  },
});

/**
 * Zero-downtime rebuild: a fresh copy of the projection is built from position 0 into shadow
 * collections while the live one keeps serving; once it has caught up with the head of the log
 * it is swapped in, with its checkpoint, in one step. A live projector that was mid-batch finds
 * its checkpoint moved, drops that batch and follows the new copy.
 */
export class ProjectionRebuilder {
  constructor(
    private readonly events: EventStore,
    private readonly documents: DocumentStore,
    private readonly options: { upcaster?: Upcaster; batchSize?: number } = {},
  ) {}

  private async forgetStop(name: string): Promise<void> {
    await this.documents.ensureCollection({ name: PROJECTION_STOPS });
    await this.documents.delete(PROJECTION_STOPS, name);
  }

  async rebuild(
    projection: Projection,
    onProgress: (progress: RebuildProgress) => void = () => {},
  ): Promise<RebuildProgress> {
    const counter = { applied: 0 };
    const shadow = counting(shadowOf(projection), counter);
    for (const collection of shadow.collections)
      await this.documents.dropCollection(collection.name);
    await this.documents.deleteCheckpoint(shadow.name);
    await this.forgetStop(shadow.name);

    const started = Date.now();
    const progress: RebuildProgress = {
      projection: projection.name,
      state: 'building',
      done: 0,
      total: await this.events.headPosition(),
      eventsDone: 0,
      eventsTotal: 0,
      startedAt: new Date(started).toISOString(),
      eventsPerSecond: 0,
      etaSeconds: null,
    };
    const report = (): void => onProgress({ ...progress });
    const runner = new ProjectorRunner(this.events, this.documents, [shadow], {
      upcaster: this.options.upcaster,
      batchSize: this.options.batchSize ?? 1000,
    });
    // The log is counted once up to its head, then only what is appended while the copy builds.
    let counted = await countEvents(this.events, projection.handles, 0);
    progress.eventsTotal = counted.count;
    await runner.start();
    try {
      for (;;) {
        progress.total = await this.events.headPosition();
        progress.done = runner.status()[0]?.position ?? 0;
        if (progress.total > counted.position) {
          const more = await countEvents(this.events, projection.handles, counted.position);
          counted = { count: counted.count + more.count, position: more.position };
          progress.eventsTotal = counted.count;
        }
        progress.eventsDone = Math.min(counter.applied, progress.eventsTotal);
        const seconds = Math.max((Date.now() - started) / 1000, 0.001);
        progress.eventsPerSecond = Math.round(progress.eventsDone / seconds);
        progress.etaSeconds =
          progress.eventsPerSecond > 0
            ? Math.ceil((progress.eventsTotal - progress.eventsDone) / progress.eventsPerSecond)
            : null;
        report();
        if (progress.done >= progress.total) break;
        await runner.waitFor([shadow.name], progress.total, POLL_MS);
      }
      await runner.stop();
      progress.state = 'swapping';
      report();
      await this.documents.swapIn({
        collections: projection.collections.map((c) => ({
          shadow: shadowCollection(c.name),
          live: c.name,
        })),
        checkpoint: { shadow: shadow.name, live: projection.name },
      });
      // The copy's runner kept a stop record under the copy's name: it has no reader now.
      await this.forgetStop(shadow.name);
      progress.state = 'done';
      progress.etaSeconds = 0;
      report();
      return { ...progress };
    } catch (error) {
      await runner.stop();
      progress.state = 'failed';
      progress.error = error instanceof Error ? error.message : String(error);
      report();
      throw error;
    }
  }
}
