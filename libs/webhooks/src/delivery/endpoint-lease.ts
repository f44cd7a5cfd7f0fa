import type { DocumentStore } from '@crm/documents';
import { CheckpointMovedError } from '@crm/documents';
import { leaseCheckpoint } from '../store/webhook.documents';

/**
 * One dispatcher at a time per endpoint. The lease is a checkpoint whose value encodes its
 * expiry (epoch ms · 1000 + a per-holder nonce), so taking, renewing and releasing it are the
 * store's compare-and-set on checkpoints, on every adapter. A holder that stalls past its
 * expiry may still finish a request the next holder repeats: a duplicate, never a loss.
 */
export class EndpointLease {
  private held: number | null = null;

  constructor(
    private readonly documents: DocumentStore,
    readonly endpointId: string,
    private readonly ttlMs: number,
    private readonly nonce: number,
    private readonly clock: () => number,
  ) {}

  /**
   * Takes the lease if free or expired (or at once with `takeOver`, when the caller knows its
   * holder is dead), renews it if held and a third of it went by.
   */
  async hold(takeOver = false): Promise<boolean> {
    const name = leaseCheckpoint(this.endpointId);
    const current = await this.documents.getCheckpoint(name);
    const now = this.clock();
    const mine = current !== null && current === this.held;
    if (current !== null && !mine && !takeOver && expiryOf(current) > now) return this.lost();
    if (mine && expiryOf(current) - now > (this.ttlMs * 2) / 3) return true;
    const next = (now + this.ttlMs) * 1000 + this.nonce;
    try {
      await this.documents.commit({
        writes: [],
        checkpoint: { name, position: next, expected: current },
      });
    } catch (error) {
      if (error instanceof CheckpointMovedError) return this.lost();
      throw error;
    }
    this.held = next;
    return true;
  }

  /** Lets another dispatcher take over at once (shutdown); a lease taken meanwhile stays. */
  async release(): Promise<void> {
    if (this.held === null) return;
    const expected = this.held;
    this.held = null;
    try {
      await this.documents.commit({
        writes: [],
        checkpoint: { name: leaseCheckpoint(this.endpointId), position: 0, expected },
      });
    } catch (error) {
      if (!(error instanceof CheckpointMovedError)) throw error;
    }
  }

  private lost(): false {
    this.held = null;
    return false;
  }
}

const expiryOf = (value: number): number => Math.floor(value / 1000);

/** Distinguishes holders whose leases would expire in the same millisecond. */
export const leaseNonce = (random: () => number = Math.random): number =>
  Math.floor(random() * 1000);
