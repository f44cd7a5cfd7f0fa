import type { IndexedFields } from './sql-pushdown';
import { CursorCodec, totalSort } from '../../cursor';
import { BODY, afterKeyset, orderBy, orderedSelect, planFind, pushDown } from './sql-pushdown';
import { arrayTriggersSql, planIndex, valuesTable } from './sql-indexes';

const indexed = (scalar: string[], array: string[] = []): IndexedFields => ({
  scalar: new Set(scalar),
  array: new Set(array),
  values: 'idx#doc_t',
});

const extract = (field: string) => `json_extract(body, '$.${field}')`;

describe('SQL pushdown', () => {
  it('pushes equality and ranges on indexed scalar fields, and says SQL decides alone', () => {
    expect(
      pushDown({ status: 'open', due: { $gte: 'a', $lt: 'b' } }, indexed(['status', 'due'])),
    ).toMatchObject({
      clauses: [`${extract('status')} = ?`, `${extract('due')} >= ?`, `${extract('due')} < ?`],
      params: ['open', 'a', 'b'],
      complete: true,
    });
  });

  it('binds a $in list of any length as one JSON parameter', () => {
    expect(pushDown({ _id: { $in: ['a', 'b', 3] } }, indexed([]))).toMatchObject({
      clauses: ['id IN (SELECT value FROM json_each(?))'],
      params: ['["a","b",3]'],
      complete: true,
    });
  });

  it('matches array fields through their elements table, for equality and $in', () => {
    expect(
      pushDown({ tags: 'vip', labels: { $in: ['x', 'y'] } }, indexed([], ['tags', 'labels'])),
    ).toEqual({
      clauses: [
        `id IN (SELECT id FROM "idx#doc_t" WHERE field = 'tags' AND value = ?)`,
        `id IN (SELECT id FROM "idx#doc_t" WHERE field = 'labels' AND value IN (SELECT value FROM json_each(?)))`,
      ],
      params: ['vip', '["x","y"]'],
      complete: true,
      elements: [
        {
          sql: `SELECT id FROM "idx#doc_t" WHERE field = 'tags' AND value = ?`,
          params: ['vip'],
        },
        {
          sql: `SELECT id FROM "idx#doc_t" WHERE field = 'labels' AND value IN (SELECT value FROM json_each(?))`,
          params: ['["x","y"]'],
        },
      ],
    });
  });

  it('leaves what SQL cannot decide to mingo: unindexed fields, nulls, whole arrays, ranges on arrays', () => {
    for (const filter of [
      { name: 'Ada' },
      { status: null },
      { tags: ['a', 'b'] },
      { tags: { $gt: 'a' } },
      { tags: null },
      { status: { $ne: 'open' } },
      { status: true },
    ]) {
      expect(pushDown(filter, indexed(['status'], ['tags'])).complete).toBe(false);
    }
    expect(pushDown({ tags: { $gt: 'a' } }, indexed([], ['tags'])).clauses).toEqual([]);
  });

  it('orders in SQL only by indexed scalar fields in one direction', () => {
    expect(orderBy({ due: 1, _id: 1 }, indexed(['due']))).toBe(`${extract('due')} ASC, id ASC`);
    expect(orderBy({ due: -1, _id: -1 }, indexed(['due']))).toBe(`${extract('due')} DESC, id DESC`);
    expect(orderBy({ due: 1, _id: -1 }, indexed(['due']))).toBeNull();
    expect(orderBy({ name: 1, _id: 1 }, indexed(['due']))).toBeNull();
    expect(orderBy({ tags: 1, _id: 1 }, indexed(['tags'], ['tags']))).toBeNull();
  });

  it('continues after a cursor with an exact row value comparison led by an index range', () => {
    expect(afterKeyset({ due: 1, _id: 1 }, ['2024-01-01', 't-9'])).toEqual({
      clauses: [`${extract('due')} >= ?`, `(${extract('due')}, id) > (?, ?)`],
      params: ['2024-01-01', '2024-01-01', 't-9'],
    });
    expect(afterKeyset({ createdAt: -1, _id: -1 }, ['x', 'c-1'])?.clauses).toEqual([
      `${extract('createdAt')} <= ?`,
      `(${extract('createdAt')}, id) < (?, ?)`,
    ]);
    // A missing sort value cannot be compared in SQL: the caller pages in mingo instead.
    expect(afterKeyset({ due: 1, _id: 1 }, [null, 't-9'])).toBeNull();
  });

  it('selects the page in sort order after the cursor', () => {
    const where = pushDown({ status: 'open' }, indexed(['status', 'due']));
    expect(
      orderedSelect('doc_t', where, 'ORDER_TERMS', afterKeyset({ due: 1, _id: 1 }, ['d', 'i'])),
    ).toEqual({
      sql: `SELECT ${BODY} FROM "doc_t" WHERE ${extract('status')} = ? AND ${extract('due')} >= ? AND (${extract('due')}, id) > (?, ?) ORDER BY ORDER_TERMS`,
      params: ['open', 'd', 'd', 'i'],
    });
  });
});

describe('find plans', () => {
  const fields = indexed(['status', 'due']);

  it('reads every page of an orderable query in SQL order, the next ones from the cursor', () => {
    const sort = totalSort({ due: 1 });
    const cursors = CursorCodec.ephemeral();
    const cursor = cursors.decode(sort, cursors.encode(sort, { _id: 't-9', due: '2024-01-01' }));
    expect(planFind('doc_t', { status: 'open' }, sort, null, fields)).toMatchObject({
      kind: 'ordered',
      complete: true,
      params: ['open'],
    });
    expect(planFind('doc_t', { status: 'open' }, sort, cursor.values, fields)).toMatchObject({
      kind: 'ordered',
      complete: true,
      params: ['open', '2024-01-01', '2024-01-01', 't-9'],
    });
  });

  it('offers walking the sort order for array conditions, which the caller takes when they match many', () => {
    const plan = planFind(
      'doc_t',
      { tags: 'vip', status: 'open' },
      totalSort({ due: -1 }),
      null,
      indexed(['status', 'due'], ['tags']),
    );
    const lookup = `SELECT id FROM "idx#doc_t" WHERE field = 'tags' AND value = ?`;
    expect(plan).toMatchObject({
      kind: 'ordered',
      sql: expect.stringContaining(`WHERE id IN (${lookup}) AND`) as string,
      bySortOrder: {
        sql: expect.stringContaining(`WHERE +id IN (${lookup}) AND`) as string,
        params: ['vip', 'open'],
        probe: { sql: lookup, params: ['vip'] },
      },
    });
    expect(
      planFind('doc_t', { status: 'open' }, totalSort({ due: 1 }), null, fields),
    ).toMatchObject({ bySortOrder: null });
  });

  it('streams in SQL order when mingo must finish the filter', () => {
    expect(
      planFind('doc_t', { status: 'open', name: /a/ }, totalSort({ due: 1 }), null, fields),
    ).toMatchObject({ kind: 'ordered', complete: false });
  });

  it('leaves sorting to mingo when SQL cannot sort or continue after the cursor', () => {
    expect(planFind('doc_t', {}, totalSort({ name: 1 }), null, fields).kind).toBe('mingo');
    expect(planFind('doc_t', {}, totalSort({ due: 1 }), [null, 't-1'], fields).kind).toBe('mingo');
  });
});

describe('SQL indexes', () => {
  it('creates a compound expression index ending with the primary key unless unique', () => {
    expect(planIndex('doc_t', { fields: ['status', 'priority', 'due'] })).toEqual({
      kind: 'scalar',
      fields: ['status', 'priority', 'due'],
      sql: `CREATE INDEX IF NOT EXISTS "doc_t__status+priority+due+id" ON "doc_t" (${extract('status')}, ${extract('priority')}, ${extract('due')}, id)`,
    });
    expect(planIndex('doc_t', { fields: ['a', 'b.c'], unique: true })).toMatchObject({
      sql: `CREATE UNIQUE INDEX IF NOT EXISTS "doc_t__a+b_c" ON "doc_t" (${extract('a')}, ${extract('b.c')})`,
    });
  });

  it('names a one-field compound index apart from the single-field index of that field', () => {
    expect(planIndex('doc_t', { fields: ['createdAt'] })).toMatchObject({
      sql: `CREATE INDEX IF NOT EXISTS "doc_t__createdAt+id" ON "doc_t" (${extract('createdAt')}, id)`,
    });
  });

  it('keeps single-field indexes as they were, so existing data folders need no rebuild', () => {
    expect(planIndex('doc_t', { field: 'status' })).toEqual({
      kind: 'scalar',
      fields: ['status'],
      sql: `CREATE INDEX IF NOT EXISTS "doc_t__status" ON "doc_t" (${extract('status')})`,
    });
  });

  it('refuses index declarations it cannot honour', () => {
    expect(() => planIndex('doc_t', { field: "x') --" })).toThrow(/invalid index field/);
    expect(() => planIndex('doc_t', { fields: ['ok', 'not ok'] })).toThrow(/invalid index field/);
    expect(() => planIndex('doc_t', { field: 'a.b', array: true })).toThrow(/top-level/);
    expect(() => planIndex('doc_t', { field: 'tags', array: true, unique: true } as never)).toThrow(
      /cannot be unique/,
    );
  });

  it('keeps array elements with triggers that clear what a replaced row left behind and skip unchanged fields', () => {
    const triggers = arrayTriggersSql('doc_t', ['tags', 'hashes']);
    expect(valuesTable('doc_t')).toBe('idx#doc_t');
    expect([...triggers.keys()]).toEqual([
      'doc_t#hashes#insert',
      'doc_t#hashes#delete',
      'doc_t#tags#insert',
      'doc_t#tags#delete',
      'doc_t#update',
    ]);
    expect(triggers.get('doc_t#tags#insert')).toContain(
      `AFTER INSERT ON "doc_t" BEGIN DELETE FROM "idx#doc_t" WHERE id = new.id AND field = 'tags';`,
    );
    // One update trigger for all array fields: the bodies are parsed once, not once per field.
    expect(triggers.get('doc_t#update')).toContain(
      `AFTER UPDATE OF id, body ON "doc_t" WHEN old.id IS NOT new.id OR json_extract(old.body, '$.hashes') IS NOT json_extract(new.body, '$.hashes') OR json_extract(old.body, '$.tags') IS NOT json_extract(new.body, '$.tags')`,
    );
    expect(triggers.get('doc_t#tags#delete')).toContain(
      `DELETE FROM "idx#doc_t" WHERE id = old.id AND field = 'tags';`,
    );
    expect(arrayTriggersSql('doc_t', []).size).toBe(0);
  });
});
