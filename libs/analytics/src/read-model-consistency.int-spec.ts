import { EmbeddedDocumentStore } from '@crm/documents';
import { ReadModelFreshness, ReadModelNotReadyError } from '@crm/platform';
import { ensureCaughtUpWith } from './read-model-consistency';

describe('waiting for one read model to catch up with another', () => {
  let store: EmbeddedDocumentStore;
  const sut = (follower: string, leader: string) =>
    ensureCaughtUpWith(new ReadModelFreshness(store, null, 50), store, follower, leader);

  beforeEach(async () => {
    store = new EmbeddedDocumentStore({ filename: ':memory:' });
    await store.commit({ writes: [], checkpoint: { name: 'ratings', position: 1_000 } });
  });
  afterEach(() => store.close());

  it('answers not ready while the follower is still building (a read model added by an upgrade)', async () => {
    await store.commit({ writes: [], checkpoint: { name: 'buckets', position: 200 } });
    await expect(sut('buckets', 'ratings')).rejects.toBeInstanceOf(ReadModelNotReadyError);
    await expect(sut('fresh', 'ratings')).rejects.toBeInstanceOf(ReadModelNotReadyError);
  });

  it('goes ahead once the follower has reached the leader', async () => {
    await store.commit({ writes: [], checkpoint: { name: 'buckets', position: 1_000 } });
    await expect(sut('buckets', 'ratings')).resolves.toBeUndefined();
    await expect(sut('buckets', 'not-started')).resolves.toBeUndefined();
  });
});
