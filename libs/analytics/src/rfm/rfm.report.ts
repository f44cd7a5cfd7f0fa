import type { DocumentStore } from '@crm/documents';
import { InvalidCursorError } from '@crm/documents';
import type { RfmSegment } from './rfm-segments';
import { RFM_SEGMENTS } from './rfm-segments';
import type { RfmResult } from './rfm.scoring';
import { rfmResults } from './rfm.queries';

export type RfmReportQuery = { asOf?: Date; segment?: RfmSegment; limit: number; cursor?: string };

export type RfmReport = {
  asOf: string;
  /** Customers with at least one live order placed by `asOf`. */
  customers: number;
  segments: { segment: RfmSegment; customers: number }[];
  items: RfmResult[];
  nextCursor: string | null;
};

const encodeCursor = (customerId: string): string =>
  Buffer.from(JSON.stringify({ after: customerId })).toString('base64url');

const decodeCursor = (cursor: string): string => {
  try {
    const { after } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      after?: unknown;
    };
    if (typeof after === 'string') return after;
  } catch {
    // falls through to the refusal below
  }
  throw new InvalidCursorError();
};

/** Segment sizes and the scored customers (by customer id, paged by keyset so pages never overlap). */
export const rfmReport = async (
  documents: DocumentStore,
  query: RfmReportQuery,
): Promise<RfmReport> => {
  const asOf = query.asOf ?? new Date();
  const results = await rfmResults(documents, query.asOf);
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const matching = results
    .filter(
      (r) =>
        (!query.segment || r.segment === query.segment) && (after === null || r.customerId > after),
    )
    .sort((a, b) => (a.customerId < b.customerId ? -1 : 1));
  const items = matching.slice(0, query.limit);
  const last = items.at(-1);
  return {
    asOf: asOf.toISOString(),
    customers: results.length,
    segments: RFM_SEGMENTS.map((segment) => ({
      segment,
      customers: results.filter((r) => r.segment === segment).length,
    })),
    items,
    nextCursor: matching.length > query.limit && last ? encodeCursor(last.customerId) : null,
  };
};
