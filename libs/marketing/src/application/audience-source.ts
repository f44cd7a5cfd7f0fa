import type { AudienceRule } from '../domain/audience-rule';

/**
 * The read models an audience rule is resolved against. Analytics owns customer value and RFM
 * (and depends on marketing's events), so it provides this port: marketing never imports it.
 */
export type AudienceSource = {
  /** Projections the lookups read, to wait for before resolving. */
  projections: readonly string[];
  segmentNames: readonly string[];
  /** Live (not forgotten or merged) customers, with any or all of the tags when given. */
  liveCustomerIds(tags: AudienceRule['tags']): Promise<string[]>;
  customerIdsInSegment(segment: string, asOf: Date): Promise<string[]>;
  customerIdsByValue(range: NonNullable<AudienceRule['value']>): Promise<string[]>;
  /** Customers whose last live order was placed in [from, to] (open ends when null). */
  customerIdsByLastOrder(from: Date | null, to: Date | null): Promise<string[]>;
};

export const AUDIENCE_SOURCE = Symbol('AUDIENCE_SOURCE');
