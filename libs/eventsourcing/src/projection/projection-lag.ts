import type { EventStore } from '../store/event-store.port';

/**
 * How far a projection is behind the log. Positions are not dense (ARCHITECTURE point 5), so
 * the events after its checkpoint are counted, never subtracted, and the count stops at a cap.
 */
export type ProjectionLag = {
  /** Some event lies after the checkpoint. */
  behind: boolean;
  /** Events after the checkpoint, counted up to the cap. */
  events: number;
  /** The count reached the cap: there are at least that many. */
  capped: boolean;
};

/** Counts the events after `checkpoint`, reading at most `cap` of them. */
export const countLag = async (
  events: EventStore,
  checkpoint: number,
  cap: number,
): Promise<ProjectionLag> => {
  const page = await events.readAll({ fromPosition: checkpoint, limit: cap });
  const count = page.events.length;
  return { behind: count > 0, events: count, capped: count >= cap };
};
