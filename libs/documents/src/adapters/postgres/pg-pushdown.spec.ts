import type { IndexedFields } from './pg-pushdown';
import { SqlParams, orderBy, planFind, pushDown } from './pg-pushdown';

const indexed: IndexedFields = {
  scalar: new Set(['status', 'due', 'customer.id']),
  array: new Set(['tags']),
};

const pushed = (filter: Record<string, unknown>) => {
  const params = new SqlParams();
  return { ...pushDown(filter, indexed, params), params: params.values };
};

describe('pushDown (PostgreSQL)', () => {
  it('pushes equality, $in and ranges on indexed fields, a range naming its type', () => {
    expect(pushed({ status: 'open', due: { $gte: 3 }, 'customer.id': { $in: ['a', 1] } })).toEqual({
      clauses: [
        "(body->'status') = $1::jsonb",
        "(body->'due') >= $2::jsonb",
        "jsonb_typeof((body->'due')) = 'number'",
        "(body->'customer'->'id') = ANY($3::jsonb[])",
      ],
      complete: true,
      params: ['"open"', '3', ['"a"', '1']],
    });
  });

  it('leaves unindexed fields, other operators and non-string ids to mingo', () => {
    for (const filter of [
      { name: 'Ada' },
      { status: { $ne: 'open' } },
      { status: null },
      { _id: 5 },
      { $or: [{ status: 'open' }] },
    ])
      expect(pushed(filter).complete).toBe(false);
    expect(pushed({ _id: { $in: ['a', 'b'] } })).toEqual({
      clauses: ['id = ANY($1::text[])'],
      complete: true,
      params: [['a', 'b']],
    });
  });

  it('matches array fields by containment of one element, and an empty $in by nothing', () => {
    expect(pushed({ tags: 'vip' }).clauses).toEqual([
      `jsonb_path_query_array(body, '$."tags"[*]') @> $1::jsonb`,
    ]);
    expect(pushed({ tags: { $in: ['a', 2] } })).toMatchObject({
      clauses: [
        `(jsonb_path_query_array(body, '$."tags"[*]') @> $1::jsonb OR jsonb_path_query_array(body, '$."tags"[*]') @> $2::jsonb)`,
      ],
      params: ['["a"]', '[2]'],
    });
    expect(pushed({ tags: { $in: [] } }).clauses).toEqual(['false']);
    const many = Array.from({ length: 101 }, (_, i) => `t${i}`);
    expect(pushed({ tags: { $in: many } })).toMatchObject({ clauses: [], complete: false });
  });
});

describe('orderBy and planFind (PostgreSQL)', () => {
  it('sorts in SQL on indexed scalars in one direction, missing values first ascending', () => {
    expect(orderBy({ due: 1, _id: 1 }, indexed)).toBe("(body->'due') ASC NULLS FIRST, id ASC");
    expect(orderBy({ due: -1, _id: -1 }, indexed)).toBe("(body->'due') DESC NULLS LAST, id DESC");
    expect(orderBy({ due: 1, _id: -1 }, indexed)).toBeNull();
    expect(orderBy({ tags: 1, _id: 1 }, indexed)).toBeNull();
    expect(orderBy({ name: 1, _id: 1 }, indexed)).toBeNull();
  });

  it('continues after a cursor in SQL, or in mingo when a cursor value cannot be bound', () => {
    const sort = { due: 1, _id: 1 } as const;
    const next = planFind('t', { status: 'open' }, sort, ['2024-01-01', 'x'], indexed);
    expect(next).toMatchObject({ kind: 'ordered', complete: true });
    expect(next.sql).toContain("(body->'due') >= $2::jsonb");
    expect(next.sql).toContain("((body->'due'), id) > ($2::jsonb, $3)");
    expect(planFind('t', { status: 'open' }, sort, [null, 'x'], indexed).kind).toBe('mingo');
    expect(planFind('t', {}, { due: 1, _id: -1 }, null, indexed).kind).toBe('mingo');
  });
});
