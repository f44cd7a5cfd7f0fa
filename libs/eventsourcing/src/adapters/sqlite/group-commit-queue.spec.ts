import type { Outcome } from './group-commit-queue';
import { GroupCommitQueue } from './group-commit-queue';

const doubling =
  (batches: number[][]) =>
  (requests: number[]): Outcome<number>[] => {
    batches.push(requests);
    return requests.map((n) =>
      n < 0 ? { ok: false, error: new Error(`refused ${n}`) } : { ok: true, value: n * 2 },
    );
  };

describe('GroupCommitQueue', () => {
  it('hands requests submitted in the same turn to one commit, in order', async () => {
    const batches: number[][] = [];
    const sut = new GroupCommitQueue(doubling(batches));
    const results = await Promise.all([1, 2, 3].map((n) => sut.submit(n)));
    expect(batches).toEqual([[1, 2, 3]]);
    expect(results).toEqual([2, 4, 6]);
  });

  it('rejects only the refused request of a batch', async () => {
    const sut = new GroupCommitQueue(doubling([]));
    const outcomes = await Promise.allSettled([1, -1, 3].map((n) => sut.submit(n)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('rejects every request of a batch whose commit throws', async () => {
    const sut = new GroupCommitQueue<number, number>(() => {
      throw new Error('disk full');
    });
    const outcomes = await Promise.allSettled([1, 2].map((n) => sut.submit(n)));
    expect(outcomes.map((o) => (o as PromiseRejectedResult).reason.message)).toEqual([
      'disk full',
      'disk full',
    ]);
  });

  it('splits a backlog into batches of at most maxBatch', async () => {
    const batches: number[][] = [];
    const sut = new GroupCommitQueue(doubling(batches), 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => sut.submit(n)));
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('starts a new batch for requests submitted after a commit', async () => {
    const batches: number[][] = [];
    const sut = new GroupCommitQueue(doubling(batches));
    await sut.submit(1);
    await sut.submit(2);
    expect(batches).toEqual([[1], [2]]);
  });
});
