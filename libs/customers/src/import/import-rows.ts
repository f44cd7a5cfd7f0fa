import { CsvError, parse } from 'csv-parse';
import type { Readable } from 'node:stream';
import { BadBodyError, parseJsonBody } from '@crm/platform';
import { readBoundedLines } from './bounded-lines';

export type ImportFormat = 'csv' | 'jsonl';

/** One input row: its line number in the file and the fields as read, or why it was refused. */
export type ImportRow =
  { line: number; fields: Record<string, unknown> } | { line: number; error: string; rule: string };

/** Longest line (JSON lines) or record (CSV) an import reads, by default: 1 MiB. */
export const DEFAULT_IMPORT_MAX_LINE_BYTES = 1024 * 1024;

/**
 * The input cannot be read on: a CSV record past the limit (413) or broken CSV framing (400).
 * Rows before it were imported; the import is idempotent, so re-sending the fixed file is safe.
 */
export class ImportInputError extends Error {
  override readonly name = 'ImportInputError';
  constructor(
    message: string,
    readonly statusCode: 400 | 413,
  ) {
    super(message);
  }
}

export const CSV_COLUMNS = [
  'name',
  'email',
  'phone',
  'street',
  'city',
  'postalCode',
  'country',
  'tags',
] as const;

const blankToUndefined = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value;

/**
 * A CSV row in the shape of a CreateCustomer request: address columns make `address`, `tags`
 * is `;`-separated. Empty cells are absent fields.
 */
const csvToRequest = (record: Record<string, string>): Record<string, unknown> => {
  const { street, city, postalCode, country, tags, ...rest } = record;
  const request: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    const present = blankToUndefined(value);
    if (present !== undefined) request[key] = present;
  }
  if ([street, city, postalCode, country].some((v) => blankToUndefined(v) !== undefined)) {
    request.address = Object.fromEntries(
      Object.entries({ street, city, postalCode, country }).filter(
        ([, v]) => blankToUndefined(v) !== undefined,
      ),
    );
  }
  const tagList = blankToUndefined(tags);
  if (tagList)
    request.tags = tagList
      .split(';')
      .map((t) => t.trim())
      .filter(Boolean);
  return request;
};

/** A JSON line through the API's body parser: the same depth, Unicode and `__proto__` rules. */
const jsonLineRow = (line: number, text: string): ImportRow => {
  let value: unknown;
  try {
    value = parseJsonBody(text);
  } catch (error) {
    if (!(error instanceof BadBodyError)) throw error;
    const detail = error.details?.[0];
    return detail
      ? { line, rule: detail.rule, error: detail.message }
      : { line, rule: 'isJson', error: 'line is not valid JSON' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { line, rule: 'isJson', error: 'each line must be a JSON object' };
  return { line, fields: value as Record<string, unknown> };
};

/**
 * Reads rows one at a time from a stream, never the whole file in memory, and never more than
 * `maxLineBytes` of one line: a longer JSON line is a rejected row, a longer CSV record ends the
 * import with ImportInputError (413), since CSV cannot be resynchronised after it.
 */
export async function* readImportRows(
  input: Readable,
  format: ImportFormat,
  maxLineBytes = DEFAULT_IMPORT_MAX_LINE_BYTES,
): AsyncGenerator<ImportRow> {
  if (format === 'jsonl') {
    for await (const read of readBoundedLines(input, maxLineBytes)) {
      if ('tooLong' in read) {
        yield {
          line: read.line,
          rule: 'maxLength',
          error: `line is longer than ${maxLineBytes} bytes`,
        };
      } else if (read.text.trim() !== '') yield jsonLineRow(read.line, read.text);
    }
    return;
  }
  const parser = input.pipe(
    parse({
      columns: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
      max_record_size: maxLineBytes,
    }),
  );
  // A piped stream does not pass errors on: the parser must stop when the input fails.
  input.once('error', (error) => parser.destroy(error));
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      yield { line: info.lines, fields: csvToRequest(record) };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    const where = line === undefined ? '' : ` (line ${line})`;
    if (error.code === 'CSV_MAX_RECORD_SIZE')
      throw new ImportInputError(`a CSV record is longer than ${maxLineBytes} bytes${where}`, 413);
    throw new ImportInputError(`the CSV cannot be read${where}: ${error.message}`, 400);
  } finally {
    input.unpipe(parser);
  }
}
