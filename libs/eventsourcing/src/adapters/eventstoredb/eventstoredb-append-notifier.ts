import { END, excludeSystemEvents } from '@eventstore/db-client';
import type { AllStreamSubscription, EventStoreDBClient } from '@eventstore/db-client';
import { EventEmitter } from 'node:events';

/**
 * Wakes log followers when any process appends: one live subscription to the end of $all
 * (system events filtered out on the server) per store instance. It only signals; followers
 * read the events themselves through readAll, so a dropped subscription costs latency (they
 * fall back to polling until the next registration resubscribes), never an event.
 */
export class AppendNotifier {
  private readonly emitter = new EventEmitter();
  private subscription: AllStreamSubscription | null = null;
  private closed = false;

  constructor(private readonly client: EventStoreDBClient) {
    this.emitter.setMaxListeners(0);
  }

  onAppend(listener: () => void): () => void {
    this.emitter.on('append', listener);
    this.ensureSubscribed();
    return () => this.emitter.off('append', listener);
  }

  /** For appends made through this instance: no need to wait for the round trip. */
  notify(): void {
    this.emitter.emit('append');
  }

  async close(): Promise<void> {
    this.closed = true;
    this.emitter.removeAllListeners();
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.unsubscribe().catch(() => undefined);
  }

  private ensureSubscribed(): void {
    if (this.subscription || this.closed) return;
    const subscription = this.client.subscribeToAll({
      fromPosition: END,
      filter: excludeSystemEvents(),
    });
    const drop = (): void => {
      if (this.subscription === subscription) this.subscription = null;
    };
    subscription.on('data', () => this.notify());
    subscription.on('error', drop);
    subscription.on('close', drop);
    this.subscription = subscription;
  }
}
