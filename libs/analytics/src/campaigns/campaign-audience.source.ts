import { Inject, Injectable } from '@nestjs/common';
import type { Document, DocumentStore, Filter } from '@crm/documents';
import { DOCUMENT_STORE, pagesOf } from '@crm/documents';
import { CUSTOMER_PROFILE_PROJECTION, CUSTOMER_PROFILES } from '@crm/customers';
import { rankKeyOf } from '@crm/sales';
import type { AudienceRule, AudienceSource } from '@crm/marketing';
import {
  CUSTOMER_VALUE,
  CUSTOMER_VALUE_PROJECTION,
} from '../customer-value/customer-value.document';
import {
  CUSTOMER_VALUE_RANKING,
  CUSTOMER_VALUE_RANKING_PROJECTION,
} from '../customer-value/customer-value-ranking.document';
import { isRfmSegment, RFM_SEGMENTS } from '../rfm/rfm-segments';
import { customerIdsInSegment } from '../rfm/rfm.queries';

type WithCustomer = Document & { customerId: string };

const range = (low: unknown, high: unknown): Record<string, unknown> => ({
  ...(low !== null ? { $gte: low } : {}),
  ...(high !== null ? { $lte: high } : {}),
});

/**
 * Audience rules resolved against the customer profiles (tags, status) and the customer value
 * read model (value, recency, RFM) for marketing's launches.
 */
@Injectable()
export class CampaignAudienceSource implements AudienceSource {
  readonly projections = [
    CUSTOMER_PROFILE_PROJECTION,
    CUSTOMER_VALUE_PROJECTION,
    CUSTOMER_VALUE_RANKING_PROJECTION,
  ];
  readonly segmentNames = RFM_SEGMENTS;

  constructor(@Inject(DOCUMENT_STORE) private readonly documents: DocumentStore) {}

  liveCustomerIds(tags: AudienceRule['tags']): Promise<string[]> {
    const filter: Filter = { status: 'active' };
    if (tags) filter.tags = tags.match === 'all' ? { $all: tags.values } : { $in: tags.values };
    return this.customerIds(CUSTOMER_PROFILES, filter);
  }

  async customerIdsInSegment(segment: string, asOf: Date): Promise<string[]> {
    return isRfmSegment(segment) ? customerIdsInSegment(this.documents, segment, asOf) : [];
  }

  customerIdsByValue({
    currency,
    min,
    max,
  }: NonNullable<AudienceRule['value']>): Promise<string[]> {
    // Ranked value: a survivor counts its merged customers' orders, a merged customer has none.
    const key = (bound: number | null) => (bound === null ? null : rankKeyOf(BigInt(bound)));
    return this.customerIds(CUSTOMER_VALUE_RANKING, {
      currency,
      rankKey: range(key(min), key(max)),
    });
  }

  customerIdsByLastOrder(from: Date | null, to: Date | null): Promise<string[]> {
    const lastOrderAt = {
      $ne: null,
      ...range(from?.toISOString() ?? null, to?.toISOString() ?? null),
    };
    return this.customerIds(CUSTOMER_VALUE, { lastOrderAt });
  }

  private async customerIds(collection: string, filter: Filter): Promise<string[]> {
    const ids: string[] = [];
    for await (const items of pagesOf<WithCustomer>(this.documents, collection, filter))
      ids.push(...items.map((item) => item.customerId));
    return ids;
  }
}
