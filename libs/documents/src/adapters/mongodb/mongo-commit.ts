import { MongoBulkWriteError } from 'mongodb';
import type {
  AnyBulkWriteOperation,
  ClientSession,
  Collection,
  Db,
  MongoClient,
  WriteError,
} from 'mongodb';
import type { CommitBatch, Document, DocumentWrite } from '../../document-store.port';
import { CheckpointMovedError } from '../../errors';
import { DUPLICATE_KEY, isDuplicateKey } from './mongo-errors';
import { CHECKPOINTS_COLLECTION, assertCollectionName, checkpointMove } from './mongo-mapping';
import type { PlannedWrite } from './mongo-writes';
import { assertWritable, groupByCollection, planWrites, positionOf } from './mongo-writes';

type CheckpointDocument = { _id: string; position: number; updatedAt: Date };
type Checkpoint = NonNullable<CommitBatch['checkpoint']>;

/**
 * A projector's unit of work on MongoDB: its document writes and its checkpoint. In a
 * transaction when the deployment has them; otherwise ordered so that a crash or a lost race
 * re-applies position-guarded writes rather than losing or double-counting an event.
 */
export class MongoCommitter {
  constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    private readonly transactions: boolean,
  ) {}

  async commit(batch: CommitBatch): Promise<void> {
    batch.writes.forEach(assertWritable);
    if (this.transactions) await this.commitInTransaction(batch);
    else await this.commitWithoutTransaction(batch);
  }

  async checkpoint(name: string): Promise<number | null> {
    return (await this.checkpoints().findOne({ _id: name }))?.position ?? null;
  }

  checkpoints(): Collection<CheckpointDocument> {
    return this.db.collection<CheckpointDocument>(CHECKPOINTS_COLLECTION);
  }

  /** Checkpoint first: if it moved, the transaction aborts and no document is written. */
  private async commitInTransaction(batch: CommitBatch): Promise<void> {
    const session = this.client.startSession();
    try {
      await session.withTransaction(async () => {
        if (batch.checkpoint) await this.moveCheckpoint(batch.checkpoint, session);
        await this.applyWrites(batch.writes, session);
      });
    } finally {
      await session.endSession();
    }
  }

  /**
   * No transaction: refuse up front if the checkpoint already moved (nothing written), write
   * the documents, then move the checkpoint only if still unmoved. A writer that loses the race
   * in between has written documents, but each is guarded by `_position`, so the winner's
   * and the loser's writes of the same events converge and nothing counts twice. A crash
   * before the checkpoint moves re-applies the batch, with the same guard.
   */
  private async commitWithoutTransaction(batch: CommitBatch): Promise<void> {
    const checkpoint = batch.checkpoint;
    if (checkpoint && checkpoint.expected !== undefined) {
      const current = await this.checkpoint(checkpoint.name);
      if (current !== checkpoint.expected) {
        throw new CheckpointMovedError(checkpoint.name, checkpoint.expected, current);
      }
    }
    await this.applyWrites(batch.writes);
    if (checkpoint) await this.moveCheckpoint(checkpoint);
  }

  private async moveCheckpoint(checkpoint: Checkpoint, session?: ClientSession): Promise<void> {
    const { name, position, expected } = checkpoint;
    const { filter, update, upsert } = checkpointMove(name, position, expected, new Date());
    let moved: boolean;
    try {
      const result = await this.checkpoints().updateOne(filter, update, { upsert, session });
      moved = result.matchedCount + result.upsertedCount === 0;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      moved = true;
    }
    // Read outside the session: a failed write may have aborted its transaction.
    if (moved) {
      throw new CheckpointMovedError(name, expected ?? null, await this.checkpoint(name));
    }
  }

  private async applyWrites(
    writes: readonly DocumentWrite[],
    session?: ClientSession,
  ): Promise<void> {
    for (const [name, group] of groupByCollection(writes)) {
      assertCollectionName(name);
      const collection = this.db.collection<Document>(name);
      const stored = await this.storedPositions(collection, positionedIds(group), session);
      const planned = planWrites(group, stored, !session);
      if (planned.length === 0) continue;
      try {
        await collection.bulkWrite(planned.map(toOperation), { ordered: false, session });
      } catch (error) {
        if (session || !(error instanceof MongoBulkWriteError)) throw error;
        await this.settleUpsertRaces(collection, planned, error);
      }
    }
  }

  /**
   * A conditional upsert whose condition fails on an existing document tries to insert and
   * collides on `_id`: a newer document is there (or a racing writer just inserted one).
   * Retried without upsert, it replaces only if the stored document is still older.
   */
  private async settleUpsertRaces(
    collection: Collection<Document>,
    planned: readonly PlannedWrite[],
    error: MongoBulkWriteError,
  ): Promise<void> {
    const failures = ([] as WriteError[]).concat(error.writeErrors);
    if (failures.some((failure) => failure.code !== DUPLICATE_KEY)) throw error;
    for (const failure of failures) {
      const write = planned[failure.index];
      if (write?.kind !== 'replace') throw error;
      await collection.replaceOne(write.filter, write.document);
    }
  }

  private async storedPositions(
    collection: Collection<Document>,
    ids: readonly string[],
    session?: ClientSession,
  ): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const stored = await collection
      .find({ _id: { $in: [...ids] } }, { projection: { _position: 1 }, session })
      .toArray();
    return new Map(
      stored.flatMap((doc) =>
        typeof doc._position === 'number' ? [[doc._id, doc._position]] : [],
      ),
    );
  }
}

const positionedIds = (writes: readonly DocumentWrite[]): string[] =>
  writes.flatMap((write) =>
    write.kind === 'put' && positionOf(write.document) !== undefined ? [write.document._id] : [],
  );

const toOperation = (write: PlannedWrite): AnyBulkWriteOperation<Document> =>
  write.kind === 'delete'
    ? { deleteOne: { filter: { _id: write.id } } }
    : {
        replaceOne: {
          filter: write.filter,
          replacement: write.document,
          upsert: true,
        },
      };
