import type { DocumentWrite } from '../../document-store.port';
import { assertWritable, firstPerId, groupByCollection, planWrites } from './mongo-writes';

const put = (id: string, position?: number, collection = 'profiles'): DocumentWrite => ({
  kind: 'put',
  collection,
  document: position === undefined ? { _id: id } : { _id: id, _position: position },
});

describe('planning a commit’s document writes', () => {
  it('skips a put at or before the stored position and applies a newer one', () => {
    const stored = new Map([
      ['a', 10],
      ['b', 10],
    ]);
    const planned = planWrites([put('a', 10), put('b', 11), put('c', 3)], stored, false);
    expect(planned.map((write) => write.kind === 'replace' && write.id)).toEqual(['b', 'c']);
  });

  it('guards the replace itself by position outside a transaction', () => {
    const [write] = planWrites([put('a', 5)], new Map(), true);
    expect(write).toMatchObject({
      kind: 'replace',
      filter: { _id: 'a', $or: [{ _position: { $lt: 5 } }, { _position: { $exists: false } }] },
    });
    expect(planWrites([put('a', 5)], new Map(), false)[0]).toMatchObject({ filter: { _id: 'a' } });
  });

  it('always applies puts without a position, and deletes', () => {
    const planned = planWrites(
      [put('a'), { kind: 'delete', collection: 'profiles', id: 'b' }],
      new Map([['a', 99]]),
      true,
    );
    expect(planned).toEqual([
      { kind: 'replace', id: 'a', filter: { _id: 'a' }, document: { _id: 'a' } },
      { kind: 'delete', id: 'b' },
    ]);
  });

  it('keeps only the last write per id so the writes can run unordered', () => {
    const planned = planWrites(
      [put('a', 1), { kind: 'delete', collection: 'profiles', id: 'a' }],
      new Map(),
      true,
    );
    expect(planned).toEqual([{ kind: 'delete', id: 'a' }]);
  });

  it('groups writes by collection and refuses writes without a usable _id or collection', () => {
    expect([
      ...groupByCollection([put('a', 1, 'x'), put('b', 1, 'y'), put('c', 1, 'x')]).keys(),
    ]).toEqual(['x', 'y']);
    expect(() => assertWritable(put(''))).toThrow(/_id/);
    expect(() => assertWritable(put('a', 1, 'checkpoints'))).toThrow(/collection/);
  });
});

describe('documents for an insert of many', () => {
  it('keeps the first document per id, in order', () => {
    expect(
      firstPerId([
        { _id: 'a', n: 1 },
        { _id: 'b', n: 2 },
        { _id: 'a', n: 3 },
      ]),
    ).toEqual([
      { _id: 'a', n: 1 },
      { _id: 'b', n: 2 },
    ]);
  });
});
