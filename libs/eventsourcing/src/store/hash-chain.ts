import { createHash } from 'node:crypto';

/** The hash before the first event of the log. */
export const GENESIS_HASH = '0'.repeat(64);

/** Exactly what a link covers: the stored bytes of an event, as the log holds them. */
export type ChainedFields = {
  eventId: string;
  streamId: string;
  revision: number;
  type: string;
  schemaVersion: number;
  /** The stored JSON text (with personal data sealed, so forgetting never breaks the chain). */
  data: string;
  metadata: string;
  recordedAt: string;
};

/**
 * Tamper evidence: each event's hash covers its own stored fields and the previous event's
 * hash, so changing, removing or reordering any stored event breaks every link after it.
 */
export const chainHash = (previous: string, event: ChainedFields): string =>
  createHash('sha256')
    .update(previous)
    .update('\u0000')
    .update(
      JSON.stringify([
        event.eventId,
        event.streamId,
        event.revision,
        event.type,
        event.schemaVersion,
        event.data,
        event.metadata,
        event.recordedAt,
      ]),
    )
    .digest('hex');

export type ChainBreak = { position: number; reason: string };

export type ChainVerification = { checked: number; head: string; firstBreak: ChainBreak | null };

export type ChainLink = ChainedFields & {
  position: number;
  hash: string | null;
  previousHash: string | null;
};

/** Checks links one at a time, in log order (for logs read in pages). */
export class ChainWalker {
  head = GENESIS_HASH;
  checked = 0;

  /** The break this link makes, or null when it holds (and the walk moves past it). */
  step(link: ChainLink): ChainBreak | null {
    if (link.previousHash !== this.head) {
      return { position: link.position, reason: 'does not follow the event before it' };
    }
    const expected = chainHash(this.head, link);
    if (link.hash !== expected) {
      return { position: link.position, reason: 'its content does not match its hash' };
    }
    this.head = expected;
    this.checked += 1;
    return null;
  }
}

/** Walks stored links in log order and reports the first one that does not hold. */
export const verifyChain = (links: Iterable<ChainLink>): ChainVerification => {
  const walker = new ChainWalker();
  for (const link of links) {
    const firstBreak = walker.step(link);
    if (firstBreak) return { checked: walker.checked, head: walker.head, firstBreak };
  }
  return { checked: walker.checked, head: walker.head, firstBreak: null };
};
