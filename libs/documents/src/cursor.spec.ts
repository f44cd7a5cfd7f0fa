import { CursorCodec, InvalidCursorError } from './cursor';

const sort = { createdAt: -1, _id: -1 } as const;
const aDocument = { _id: 'c-1', createdAt: '2026-01-01T00:00:00.000Z', name: 'Ada' };

describe('page cursors', () => {
  it('round-trips the keyset of the last document, as scalars only', () => {
    const sut = CursorCodec.ephemeral();
    expect(sut.decode(sort, sut.encode(sort, aDocument))).toEqual({
      values: ['2026-01-01T00:00:00.000Z', 'c-1'],
      id: 'c-1',
    });
    expect(sut.decode(sort, sut.encode(sort, { _id: 'c-2' })).values).toEqual([null, 'c-2']);
  });

  it('is accepted by every process deriving its key from the same secret, and no other', () => {
    const secret = Buffer.alloc(32, 7);
    const cursor = CursorCodec.fromSecret(secret).encode(sort, aDocument);
    expect(CursorCodec.fromSecret(Buffer.from(secret)).decode(sort, cursor).id).toBe('c-1');
    expect(() => CursorCodec.fromSecret(Buffer.alloc(32, 8)).decode(sort, cursor)).toThrow(
      InvalidCursorError,
    );
    expect(() => CursorCodec.ephemeral().decode(sort, cursor)).toThrow(InvalidCursorError);
  });

  it('refuses to page on a field whose value is not a scalar', () => {
    expect(() =>
      CursorCodec.ephemeral().encode({ tags: 1, _id: 1 }, { _id: 'x', tags: ['vip'] }),
    ).toThrow(/not scalars/);
  });
});
