import type { DocumentStore } from '@crm/documents';
import type { ReadModelFreshness } from '@crm/platform';

/**
 * Waits (bounded, else 503) until `follower` has applied the log as far as `leader` has. A
 * report that reads both sees them at one moment; and a follower added by an upgrade, still
 * building from position 0, answers "not ready" rather than half-built figures.
 */
export const ensureCaughtUpWith = async (
  freshness: ReadModelFreshness,
  documents: DocumentStore,
  follower: string,
  leader: string,
): Promise<void> => {
  const position = await documents.getCheckpoint(leader);
  await freshness.ensure([follower], position ?? undefined);
};
