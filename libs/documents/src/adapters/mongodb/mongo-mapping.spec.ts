import { CursorCodec } from '../../cursor';

const cursors = CursorCodec.ephemeral();
import {
  assertCollectionName,
  assertFieldPath,
  assertSafeQuery,
  checkpointMove,
  databaseNameFromUrl,
  indexKeys,
  olderThanFilter,
  pageQuery,
  supportsTransactions,
  toMongoUpdate,
} from './mongo-mapping';

describe('MongoDB mapping', () => {
  describe('names', () => {
    it('accepts read model collection names and refuses unsafe or reserved ones', () => {
      expect(() => assertCollectionName('customer_profiles')).not.toThrow();
      for (const name of [
        'system.users',
        'Profiles',
        '',
        'a-b',
        'a.b',
        '$cmd',
        'checkpoints',
        'x'.repeat(64),
      ]) {
        expect(() => assertCollectionName(name)).toThrow(/invalid collection name/);
      }
    });

    it('accepts dotted field paths and refuses operators or odd characters', () => {
      expect(() => assertFieldPath('contact.email')).not.toThrow();
      for (const field of ['$where', 'a..b', 'a.$', '', 'a b', 'a.0x']) {
        expect(() => assertFieldPath(field)).toThrow(/invalid field/);
      }
    });

    it('takes the database from the URL path, defaulting to crm', () => {
      expect(databaseNameFromUrl('mongodb://mongodb:27017/crm?replicaSet=rs0')).toBe('crm');
      expect(databaseNameFromUrl('mongodb://a:1,b:2/sales_db')).toBe('sales_db');
      expect(
        databaseNameFromUrl('mongodb+srv://user:p%40ss@cluster.example.net/?retryWrites=true'),
      ).toBe('crm');
      expect(databaseNameFromUrl('mongodb://localhost:27017')).toBe('crm');
      expect(() => databaseNameFromUrl('postgres://localhost/crm')).toThrow(/mongodb:\/\//);
      expect(() => databaseNameFromUrl('mongodb://localhost/a.b')).toThrow(/invalid database name/);
    });

    it('uses transactions on replica set members and mongos, not on a standalone server', () => {
      expect(supportsTransactions({ setName: 'rs0', isWritablePrimary: true })).toBe(true);
      expect(supportsTransactions({ msg: 'isdbgrid' })).toBe(true);
      expect(supportsTransactions({ isWritablePrimary: true })).toBe(false);
    });
  });

  describe('queries', () => {
    it('passes filters and pipelines through but refuses server-side JavaScript and writing stages', () => {
      expect(() => assertSafeQuery({ age: { $gte: 3 }, $or: [{ tags: 'vip' }] })).not.toThrow();
      expect(() => assertSafeQuery({ $where: 'sleep(1000)' })).toThrow(/\$where/);
      expect(() => assertSafeQuery([{ $match: {} }, { $out: 'other' }])).toThrow(/\$out/);
      expect(() => assertSafeQuery([{ $group: { _id: null, x: { $accumulator: {} } } }])).toThrow(
        /\$accumulator/,
      );
      expect(() => assertSafeQuery({ $expr: { $function: { body: 'x' } } })).toThrow(/\$function/);
    });

    it('sorts with _id as the final tie-breaker and fetches one extra item to know about a next page', () => {
      expect(pageQuery({ city: 'Paris' }, { sort: { age: -1 }, limit: 10 }, cursors)).toEqual({
        filter: { city: 'Paris' },
        sort: { age: -1, _id: -1 },
        limit: 10,
      });
    });

    it('continues strictly after the cursor document in sort order', () => {
      const sort = { name: 1, age: -1, _id: -1 } as const;
      const cursor = cursors.encode(sort, { _id: 'p-7', name: 'Ada', age: 36 });
      expect(pageQuery({ tags: 'vip' }, { sort: { name: 1, age: -1 }, cursor }, cursors)).toEqual({
        filter: {
          $and: [
            { tags: 'vip' },
            {
              $or: [
                { name: { $gt: 'Ada' } },
                { name: 'Ada', age: { $lt: 36 } },
                { name: 'Ada', age: 36, _id: { $lt: 'p-7' } },
              ],
            },
          ],
        },
        sort,
        limit: 1000,
      });
    });

    it('refuses unsafe sort fields, bad limits and foreign cursors', () => {
      expect(() => pageQuery({}, { sort: { $natural: 1 } }, cursors)).toThrow(/invalid field/);
      expect(() => pageQuery({}, { limit: 0 }, cursors)).toThrow(/invalid limit/);
      expect(() => pageQuery({}, { cursor: 'not-ours' }, cursors)).toThrow(/cursor/);
    });
  });

  describe('indexes', () => {
    it('creates ascending keys; a non-unique compound index ends with _id for the tie-breaker', () => {
      expect(indexKeys({ field: 'status' })).toEqual({ keys: { status: 1 }, unique: false });
      expect(indexKeys({ field: 'tokenHash', unique: true })).toEqual({
        keys: { tokenHash: 1 },
        unique: true,
      });
      expect(indexKeys({ fields: ['status', 'priority', 'due'] })).toEqual({
        keys: { status: 1, priority: 1, due: 1, _id: 1 },
        unique: false,
      });
      expect(indexKeys({ fields: ['a', 'b'], unique: true })).toEqual({
        keys: { a: 1, b: 1 },
        unique: true,
      });
    });

    it('indexes an array field as a plain key (MongoDB makes it multikey)', () => {
      expect(indexKeys({ field: 'tags', array: true })).toEqual({
        keys: { tags: 1 },
        unique: false,
      });
    });

    it('refuses unsafe fields and array indexes it cannot honour like the embedded store', () => {
      expect(() => indexKeys({ field: '$where' })).toThrow(/invalid field/);
      expect(() => indexKeys({ fields: ['ok', 'a..b'] })).toThrow(/invalid field/);
      expect(() => indexKeys({ field: 'a.b', array: true })).toThrow(/top-level/);
      expect(() => indexKeys({ field: 'tags', array: true, unique: true } as never)).toThrow(
        /cannot be unique/,
      );
    });
  });

  describe('updates', () => {
    it('builds $set, $unset and $inc, dropping empty operators', () => {
      expect(
        toMongoUpdate({ $set: { name: 'Eve' }, $unset: { city: 1 }, $inc: { age: 2 } }),
      ).toEqual({
        $set: { name: 'Eve' },
        $unset: { city: '' },
        $inc: { age: 2 },
      });
      expect(toMongoUpdate({ $set: {} })).toBeNull();
    });

    it('refuses other operators, unsafe paths, _id and non-numeric increments', () => {
      expect(() => toMongoUpdate({ $rename: { a: 'b' } } as never)).toThrow(/not supported/);
      expect(() => toMongoUpdate({ $set: { 'a.$[]': 1 } })).toThrow(/invalid field/);
      expect(() => toMongoUpdate({ $set: { _id: 'x' } })).toThrow(/_id/);
      expect(() => toMongoUpdate({ $inc: { age: Number.NaN } })).toThrow(/number/);
    });
  });

  describe('guards', () => {
    it('replaces a document only while it is older than the incoming position', () => {
      expect(olderThanFilter('c-1', 42)).toEqual({
        _id: 'c-1',
        $or: [{ _position: { $lt: 42 } }, { _position: { $exists: false } }],
      });
    });

    it('moves a checkpoint only from the position the writer last saw', () => {
      const now = new Date('2024-01-01T00:00:00Z');
      const update = { $set: { position: 20, updatedAt: now } };
      expect(checkpointMove('profiles', 20, 10, now)).toEqual({
        filter: { _id: 'profiles', position: 10 },
        update,
        upsert: false,
      });
      expect(checkpointMove('profiles', 20, null, now)).toEqual({
        filter: { _id: 'profiles', position: { $exists: false } },
        update,
        upsert: true,
      });
      expect(checkpointMove('profiles', 20, undefined, now)).toEqual({
        filter: { _id: 'profiles' },
        update,
        upsert: true,
      });
    });
  });
});
