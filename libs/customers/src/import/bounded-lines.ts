/** A line of the input (without its `\n` or `\r\n`), or the number of a line past the limit. */
export type BoundedLine = { line: number; text: string } | { line: number; tooLong: true };

/**
 * Splits a byte stream into UTF-8 lines holding at most `maxBytes` of any one line in memory: a
 * longer line is skipped to its end and reported as too long, so one huge line can neither
 * exhaust memory nor overflow a string (readline builds the whole line first).
 */
export async function* readBoundedLines(
  input: AsyncIterable<Buffer | string>,
  maxBytes: number,
): AsyncGenerator<BoundedLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let line = 1;
  const take = (): BoundedLine => {
    if (tooLong) return { line, tooLong: true };
    const text = Buffer.concat(parts, size).toString('utf8');
    return { line, text: text.endsWith('\r') ? text.slice(0, -1) : text };
  };
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    while (start < bytes.length) {
      const newline = bytes.indexOf(10, start);
      const end = newline === -1 ? bytes.length : newline;
      if (!tooLong && size + (end - start) > maxBytes) {
        tooLong = true;
        parts = [];
        size = 0;
      }
      if (!tooLong) {
        // A copy: a view would keep the whole chunk alive with it.
        parts.push(Buffer.from(bytes.subarray(start, end)));
        size += end - start;
      }
      if (newline === -1) break;
      yield take();
      parts = [];
      size = 0;
      tooLong = false;
      line += 1;
      start = newline + 1;
    }
  }
  if (tooLong || size > 0) yield take();
}
