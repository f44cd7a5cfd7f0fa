import type { AdvisoryLocks } from './advisory-locks';

/** Which projections a process runs (the shape of the projector runner's `ownership`). */
export type LockedProjections = {
  owns(name: string): boolean;
  onChange(listener: () => void): () => void;
};

/** Which webhook endpoints a process delivers to (the shape of the dispatcher's `claims`). */
export type LockedEndpoints = {
  claim(endpointId: string): Promise<boolean>;
  holds(endpointId: string): boolean;
  release(endpointId: string): Promise<void>;
};

const projectionLock = (name: string): string => `projection:${name}`;
const endpointLock = (endpointId: string): string => `webhook:${endpointId}`;

/** Each projection is applied by the one process holding its lock; the others stand by. */
export const lockedProjections = async (
  locks: AdvisoryLocks,
  names: readonly string[],
): Promise<LockedProjections> => {
  await locks.want(names.map(projectionLock));
  return {
    owns: (name) => locks.holds(projectionLock(name)),
    onChange: (listener) =>
      locks.onChange((lock) => {
        if (lock.startsWith('projection:')) listener();
      }),
  };
};

/** Endpoints appear and go while running: each is wanted once a dispatcher sees it. */
export const lockedEndpoints = (locks: AdvisoryLocks): LockedEndpoints => ({
  claim: async (endpointId) => {
    await locks.want([endpointLock(endpointId)]);
    return locks.holds(endpointLock(endpointId));
  },
  holds: (endpointId) => locks.holds(endpointLock(endpointId)),
  release: (endpointId) => locks.forget(endpointLock(endpointId)),
});
