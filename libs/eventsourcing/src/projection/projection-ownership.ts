/**
 * Which projections this process may apply and commit. Several projector processes share one
 * store; one owns each projection at a time (e.g. by an advisory lock). The commit's
 * expected-checkpoint check (`CheckpointMovedError`) stays the safety net when two owners
 * overlap briefly.
 */
export type ProjectionOwnership = {
  /** Whether this process may apply and commit this projection now. */
  owns(name: string): boolean;
  /** Called when ownership changes; the runner (re)loads the checkpoint of a projection it now owns before applying anything. */
  onChange(listener: () => void): () => void;
};

/** The default: one process owns every projection. */
export const ownsEverything: ProjectionOwnership = {
  owns: () => true,
  onChange: () => () => {},
};
