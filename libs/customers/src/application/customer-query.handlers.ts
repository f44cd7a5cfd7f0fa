import { Inject, NotFoundException, Optional } from '@nestjs/common';
import { QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import type { CustomerProfileSection, CustomerSegmentLookup } from '@crm/platform';
import {
  CUSTOMER_SEGMENT_LOOKUP,
  PROFILE_SECTIONS,
  ReadModelFreshness,
  RequestValidationError,
} from '@crm/platform';
import { PiiHasher } from '@crm/security/pii';
import { CUSTOMER_PROFILE_PROJECTION } from '../projections/customer-profile/customer-profile.document';
import type { CustomerProfileDocument } from '../projections/customer-profile/customer-profile.document';
import {
  getCustomerProfile,
  searchCustomerProfiles,
} from '../projections/customer-profile/customer-profile.queries';
import type { CustomerProfileView } from './customer-profile.view';
import { toProfileView } from './customer-profile.view';
import { GetCustomerProfileQuery, SearchCustomersQuery } from './customer.queries';

/** Loads the other contexts' parts of the profile (service, orders, rfm) for these customers. */
class ProfileSections {
  constructor(
    private readonly documents: DocumentStore,
    private readonly sections: readonly CustomerProfileSection[],
  ) {}

  get projections(): string[] {
    return [CUSTOMER_PROFILE_PROJECTION, ...this.sections.flatMap((s) => s.projections)];
  }

  async views(profiles: CustomerProfileDocument[]) {
    const ids = profiles.map((p) => p.customerId);
    const loaded = await Promise.all(
      this.sections.map(async (s) => [s, await s.load(this.documents, ids)] as const),
    );
    return profiles.map((profile) => {
      const sections = Object.fromEntries(
        loaded.map(([section, values]) => [
          section.name,
          values.get(profile.customerId) ?? section.empty,
        ]),
      );
      return toProfileView(profile, sections);
    });
  }
}

@QueryHandler(GetCustomerProfileQuery)
export class GetCustomerProfileHandler implements IQueryHandler<GetCustomerProfileQuery> {
  private readonly sections: ProfileSections;

  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly freshness: ReadModelFreshness,
    @Optional() @Inject(PROFILE_SECTIONS) sections: CustomerProfileSection[] | null,
  ) {
    this.sections = new ProfileSections(documents, sections ?? []);
  }

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
  private readonly sections: ProfileSections;

  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly freshness: ReadModelFreshness,
    @Optional() @Inject(PROFILE_SECTIONS) sections: CustomerProfileSection[] | null,
    @Optional()
    @Inject(CUSTOMER_SEGMENT_LOOKUP)
    private readonly segments: CustomerSegmentLookup | null,
    private readonly hasher: PiiHasher,
  ) {
    this.sections = new ProfileSections(documents, sections ?? []);
  }

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

export const customerQueryHandlers = [GetCustomerProfileHandler, SearchCustomersHandler];
