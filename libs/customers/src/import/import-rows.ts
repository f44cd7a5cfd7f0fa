import { parse } from 'csv-parse';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export type ImportFormat = 'csv' | 'jsonl';

/** One input row: its line number in the file and the fields as read. */
export type ImportRow =
  { line: number; fields: Record<string, unknown> } | { line: number; error: string };

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

/** Reads rows one at a time from a stream, never the whole file in memory. */
export async function* readImportRows(
  input: Readable,
  format: ImportFormat,
): AsyncGenerator<ImportRow> {
  if (format === 'jsonl') {
    let line = 0;
    for await (const text of createInterface({ input, crlfDelay: Infinity })) {
      line += 1;
      if (text.trim() === '') continue;
      try {
        const value = JSON.parse(text) as unknown;
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
          yield { line, error: 'each line must be a JSON object' };
        } else {
          yield { line, fields: value as Record<string, unknown> };
        }
      } catch {
        yield { line, error: 'line is not valid JSON' };
      }
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
    }),
  );
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    yield { line: info.lines, fields: csvToRequest(record) };
  }
}
