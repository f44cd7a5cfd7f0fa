import type { Db } from 'mongodb';
import type { CollectionSwap } from '../../document-store.port';
import { CHECKPOINTS_COLLECTION, SWAPS_COLLECTION, assertCollectionName } from './mongo-mapping';

type SwapIntent = {
  _id: string;
  collections: { shadow: string; live: string }[];
  checkpoint: { shadow: string; live: string };
  position: number;
};

type Checkpoint = { _id: string; position: number };

/**
 * A rebuild's swap on MongoDB, which cannot rename several collections in one transaction.
 * Every shadow is created if missing first (a read model with no index and no documents was
 * never created, and its rename failed half-way, leaving a live model of two generations), so
 * that from then on a missing shadow means "already renamed". The swap is then written down
 * before anything moves and rolled forward, now or, after a crash, when the store next
 * connects: the collections and the checkpoint always end up all swapped. Readers may still see
 * one collection renamed before the next during the few milliseconds the renames take.
 */
export class MongoSwapper {
  constructor(private readonly db: Db) {}

  async swapIn(swap: CollectionSwap): Promise<void> {
    for (const { shadow, live } of swap.collections) {
      assertCollectionName(shadow);
      assertCollectionName(live);
    }
    const shadowCheckpoint = await this.checkpoints().findOne({ _id: swap.checkpoint.shadow });
    if (!shadowCheckpoint) throw new Error(`no checkpoint ${swap.checkpoint.shadow} to swap in`);
    for (const { shadow } of swap.collections) await this.create(shadow);
    const intent: SwapIntent = {
      _id: swap.checkpoint.live,
      collections: swap.collections.map(({ shadow, live }) => ({ shadow, live })),
      checkpoint: { ...swap.checkpoint },
      position: shadowCheckpoint.position,
    };
    await this.intents().replaceOne({ _id: intent._id }, intent, { upsert: true });
    await this.complete(intent);
  }

  /** Finishes the swaps a crash interrupted; the store runs it when it connects. */
  async resumeUnfinished(): Promise<void> {
    for (const intent of await this.intents().find({}).toArray()) await this.complete(intent);
  }

  /** Creates the collection if it does not exist yet (MongoDB creates one only on first write). */
  async create(name: string): Promise<void> {
    if (await this.exists(name)) return;
    try {
      await this.db.createCollection(name);
    } catch (error) {
      // Another process created it in between.
      if ((error as { codeName?: unknown }).codeName !== 'NamespaceExists') throw error;
    }
  }

  private async complete(intent: SwapIntent): Promise<void> {
    for (const { shadow, live } of intent.collections) {
      if (await this.exists(shadow)) {
        await this.db.renameCollection(shadow, live, { dropTarget: true });
      }
    }
    await this.checkpoints().updateOne(
      { _id: intent.checkpoint.live },
      { $set: { position: intent.position } },
      { upsert: true },
    );
    await this.checkpoints().deleteOne({ _id: intent.checkpoint.shadow });
    await this.intents().deleteOne({ _id: intent._id });
  }

  private async exists(name: string): Promise<boolean> {
    const found = await this.db.listCollections({ name }, { nameOnly: true }).toArray();
    return found.length > 0;
  }

  private checkpoints() {
    return this.db.collection<Checkpoint>(CHECKPOINTS_COLLECTION);
  }

  private intents() {
    return this.db.collection<SwapIntent>(SWAPS_COLLECTION);
  }
}
