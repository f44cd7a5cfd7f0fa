import { Inject, Injectable, NotFoundException, Optional } from '@nestjs/common';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import type { CustomerProfileSection } from '@crm/platform';
import { PROFILE_SECTIONS } from '@crm/platform';
import type { CustomerProfileDocument } from '../projections/customer-profile/customer-profile.document';
import { CUSTOMER_PROFILE_PROJECTION } from '../projections/customer-profile/customer-profile.document';
import { getCustomerProfile } from '../projections/customer-profile/customer-profile.queries';
import type { CustomerProfileView } from './customer-profile.view';
import { toProfileView } from './customer-profile.view';

/** Loads the other contexts' parts of the profile (service, orders, rfm) for these customers. */
@Injectable()
export class CustomerProfileViews {
  private readonly sections: readonly CustomerProfileSection[];

  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Optional() @Inject(PROFILE_SECTIONS) sections: CustomerProfileSection[] | null,
  ) {
    this.sections = sections ?? [];
  }

  get projections(): string[] {
    return [CUSTOMER_PROFILE_PROJECTION, ...this.sections.flatMap((s) => s.projections)];
  }

  async views(profiles: CustomerProfileDocument[]) {
    const ids = profiles.map((p) => p.customerId);
    // A survivor of merges shows its absorbed customers' figures as its own.
    const groups = new Map(
      profiles
        .filter((p) => (p.mergedFrom ?? []).length > 0)
        .map((p) => [p.customerId, [p.customerId, ...p.mergedFrom]] as const),
    );
    const loaded = await Promise.all(
      this.sections.map(async (section) => {
        const values = await section.load(this.documents, ids);
        if (groups.size > 0 && section.loadGroups) {
          for (const [id, value] of await section.loadGroups(this.documents, groups))
            values.set(id, value);
        }
        return [section, values] as const;
      }),
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

  /** The survivor's profile as it would read with one more customer merged into it. */
  async preview(survivorId: string, mergedId: string): Promise<CustomerProfileView> {
    const survivor = await getCustomerProfile(this.documents, survivorId);
    if (!survivor) throw new NotFoundException(`customer ${survivorId} does not exist`);
    const [view] = await this.views([
      { ...survivor, mergedFrom: [...survivor.mergedFrom, mergedId] },
    ]);
    return view as CustomerProfileView;
  }
}
