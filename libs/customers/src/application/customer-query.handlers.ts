import { CustomerProfileViews } from './customer-profile-views';
import { Inject, NotFoundException, Optional } from '@nestjs/common';
import { QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import type { CustomerSegmentLookup } from '@crm/platform';
import { CUSTOMER_SEGMENT_LOOKUP, ReadModelFreshness, RequestValidationError } from '@crm/platform';
import { PiiHasher } from '@crm/security/pii';
import { CUSTOMER_PROFILE_PROJECTION } from '../projections/customer-profile/customer-profile.document';
import {
  getCustomerProfile,
  searchCustomerProfiles,
} from '../projections/customer-profile/customer-profile.queries';
import type { CustomerProfileView } from './customer-profile.view';
import {
  FindDuplicatesQuery,
  GetCustomerProfileQuery,
  SearchCustomersQuery,
} from './customer.queries';
import { findDuplicateCustomers } from '../projections/customer-profile/duplicate-customers';

@QueryHandler(GetCustomerProfileQuery)
export class GetCustomerProfileHandler implements IQueryHandler<GetCustomerProfileQuery> {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly freshness: ReadModelFreshness,
    private readonly sections: CustomerProfileViews,
  ) {}

  async execute({
    customerId,
    minPosition,
  }: GetCustomerProfileQuery): Promise<CustomerProfileView> {
    await this.freshness.ensure(this.sections.projections, minPosition);
    const profile = await getCustomerProfile(this.documents, customerId);
    if (!profile) throw new NotFoundException(`customer ${customerId} does not exist`);
    const [view] = await this.sections.views([profile]);
    return view as CustomerProfileView;
  }
}

@QueryHandler(SearchCustomersQuery)
export class SearchCustomersHandler implements IQueryHandler<SearchCustomersQuery> {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly freshness: ReadModelFreshness,
    private readonly sections: CustomerProfileViews,
    @Optional()
    @Inject(CUSTOMER_SEGMENT_LOOKUP)
    private readonly segments: CustomerSegmentLookup | null,
    private readonly hasher: PiiHasher,
  ) {}

  async execute({ search, minPosition }: SearchCustomersQuery) {
    await this.freshness.ensure(this.sections.projections, minPosition);
    const ids = search.segment ? await this.segmentIds(search.segment) : undefined;
    const page = await searchCustomerProfiles(this.documents, {
      qHash: search.q
        ? this.hasher.hash(search.q.includes('@') ? 'email' : 'name', search.q)
        : undefined,
      tag: search.tag,
      status: search.status,
      ids,
      limit: search.limit ?? 50,
      cursor: search.cursor,
    });
    return { items: await this.sections.views(page.items), nextCursor: page.nextCursor };
  }

  private async segmentIds(segment: string): Promise<string[]> {
    const ids = this.segments ? await this.segments.idsInSegment(this.documents, segment) : null;
    if (ids === null) {
      const known = this.segments?.segmentNames.join(', ') ?? 'none (segments are not available)';
      throw new RequestValidationError([
        { field: 'segment', rule: 'isIn', message: `segment must be one of: ${known}` },
      ]);
    }
    return ids;
  }
}

@QueryHandler(FindDuplicatesQuery)
export class FindDuplicatesHandler implements IQueryHandler<FindDuplicatesQuery> {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async execute({ limit, minPosition }: FindDuplicatesQuery) {
    await this.freshness.ensure([CUSTOMER_PROFILE_PROJECTION], minPosition);
    return { pairs: await findDuplicateCustomers(this.documents, limit) };
  }
}

export const customerQueryHandlers = [
  FindDuplicatesHandler,
  GetCustomerProfileHandler,
  SearchCustomersHandler,
];
