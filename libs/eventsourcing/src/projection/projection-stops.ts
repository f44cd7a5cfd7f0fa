import type { DocumentStore } from '@crm/documents';
import type { StoppedAt } from './projection-follower';

/**
 * Where a projection is stopped, kept in the document store so that processes not running it
 * (crm-api with RUN_PROJECTORS=false, crm-cli) can say so: written when it stops at an event
 * and cleared when it moves past it.
 */
export const PROJECTION_STOPS = 'projection_stops';

type StopRecord = { _id: string; stoppedAt: StoppedAt | null };

export const recordStop = async (
  documents: DocumentStore,
  name: string,
  stoppedAt: StoppedAt | null,
): Promise<void> => {
  await documents.ensureCollection({ name: PROJECTION_STOPS });
  await documents.upsert(PROJECTION_STOPS, { _id: name, stoppedAt } satisfies StopRecord);
};

/** Every projection stopped at an event, by name. */
export const readStops = async (documents: DocumentStore): Promise<Map<string, StoppedAt>> => {
  await documents.ensureCollection({ name: PROJECTION_STOPS });
  const { items: records } = await documents.find<StopRecord>(PROJECTION_STOPS, {}, { limit: 500 });
  return new Map(
    records.flatMap((record) => (record.stoppedAt ? [[record._id, record.stoppedAt]] : [])),
  );
};
