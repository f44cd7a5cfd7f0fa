import { createHash } from 'node:crypto';

/**
 * Names an audience by its content: sha-256 of its sorted distinct ids. Chunks are recorded under
 * it, so a retried launch that resolves the same audience adds nothing, and one that resolves
 * another never mixes its chunks with the first's.
 */
export const audienceDigest = (customerIds: readonly string[]): string => {
  const hash = createHash('sha256');
  for (const id of [...new Set(customerIds)].sort()) hash.update(id).update('\n');
  return `sha256:${hash.digest('hex')}`;
};
