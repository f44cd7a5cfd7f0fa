import type { AppendResult } from '../../store/event-store.port';

/** Where an event id is already stored. */
export type StoredEventRef = { streamId: string; revision: number; position: number };

export type ReplayDecision =
  | { kind: 'append' }
  | { kind: 'replay'; result: AppendResult }
  | { kind: 'duplicate'; eventId: string };

/**
 * The rule the SQLite adapter enforces with its unique index, decided from lookups: a batch
 * whose ids are all stored, in order, as one earlier batch of this stream is a replay and
 * answers as the first append did; a batch that reuses any stored id otherwise is refused;
 * a batch of new ids is appended. `stored[i]` is where `eventIds[i]` is, or null.
 */
export const decideReplay = (
  streamId: string,
  eventIds: readonly string[],
  stored: readonly (StoredEventRef | null)[],
): ReplayDecision => {
  const repeated = eventIds.find((id, index) => eventIds.indexOf(id) !== index);
  if (repeated !== undefined) return { kind: 'duplicate', eventId: repeated };
  const first = stored[0];
  if (!first) {
    const reused = eventIds.findIndex((_, index) => stored[index]);
    return reused === -1
      ? { kind: 'append' }
      : { kind: 'duplicate', eventId: eventIds[reused] ?? '' };
  }
  for (const [index, eventId] of eventIds.entries()) {
    const ref = stored[index];
    if (!ref || ref.streamId !== streamId || ref.revision !== first.revision + index) {
      return { kind: 'duplicate', eventId };
    }
  }
  const last = stored[eventIds.length - 1] ?? first;
  return {
    kind: 'replay',
    result: { nextExpectedRevision: last.revision, position: last.position },
  };
};
