import { Readable } from 'node:stream';
import { readBoundedLines } from './bounded-lines';

const linesOf = async (chunks: string[], maxBytes: number) => {
  const lines = [];
  for await (const line of readBoundedLines(
    Readable.from(chunks.map((c) => Buffer.from(c))),
    maxBytes,
  ))
    lines.push(line);
  return lines;
};

describe('bounded lines', () => {
  it('splits on LF and CRLF across chunk boundaries, keeping multi-byte characters whole', async () => {
    const text = 'first\r\nsecond é\n\nlast';
    const bytes = Buffer.from(text);
    const lines = [];
    for await (const line of readBoundedLines(
      Readable.from([...bytes].map((b) => Buffer.from([b]))),
      100,
    ))
      lines.push(line);
    expect(lines).toEqual([
      { line: 1, text: 'first' },
      { line: 2, text: 'second é' },
      { line: 3, text: '' },
      { line: 4, text: 'last' },
    ]);
  });

  it('reports a line longer than the limit by its number and goes on with the next', async () => {
    expect(
      await linesOf(['ok\n', 'x'.repeat(6), 'x'.repeat(6), '\nfine\n', 'y'.repeat(20)], 10),
    ).toEqual([
      { line: 1, text: 'ok' },
      { line: 2, tooLong: true },
      { line: 3, text: 'fine' },
      { line: 4, tooLong: true },
    ]);
  });

  it('accepts a line of exactly the limit', async () => {
    expect(await linesOf(['x'.repeat(10), '\n'], 10)).toEqual([{ line: 1, text: 'x'.repeat(10) }]);
  });
});
