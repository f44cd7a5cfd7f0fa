import type { CustomerProfileSection, CustomerSegmentLookup } from '@crm/platform';
import { CUSTOMER_VALUE_PROJECTION } from '../customer-value/customer-value.document';
import { CUSTOMER_VALUE_RANKING_PROJECTION } from '../customer-value/customer-value-ranking.document';
import { isRfmSegment, RFM_SEGMENTS } from './rfm-segments';
import { customerIdsInSegment, rfmOfCustomersNow } from './rfm.queries';

/**
 * The `rfm` part of a profile, as of now; all null for a customer without live orders. A
 * survivor of merges shows its group's scores; a merged customer, none (it is scored as part of
 * its survivor).
 */
export const rfmProfileSection: CustomerProfileSection = {
  name: 'rfm',
  projections: [CUSTOMER_VALUE_PROJECTION, CUSTOMER_VALUE_RANKING_PROJECTION],
  empty: { segment: null, r: null, f: null, m: null },
  async load(documents, customerIds) {
    const results = await rfmOfCustomersNow(documents, customerIds);
    return new Map(
      [...results.values()].map(({ customerId, segment, r, f, m }) => [
        customerId,
        { segment, r, f, m },
      ]),
    );
  },
};

/** Lets `GET /customers?segment=` find the customers of an RFM segment, as of now. */
export const rfmSegmentLookup: CustomerSegmentLookup = {
  segmentNames: RFM_SEGMENTS,
  idsInSegment: (documents, segment) =>
    isRfmSegment(segment) ? customerIdsInSegment(documents, segment) : Promise.resolve(null),
};
