import type { DocumentStore } from '@crm/documents';
import type { ReadModelFreshness } from '@crm/platform';
import { CUSTOMER_PROFILE_PROJECTION } from '../projections/customer-profile/customer-profile.document';

/**
 * What a forget leaves on disk besides the data itself: the destroyed key's wrapped bytes and
 * the profile's blind indexes, as old page images in the document store's write-ahead log.
 * Purged once the profile has applied the forget (where projectors run in this process), else
 * at once, which covers the key; the projector's own writes are purged by the next forget or
 * checkpoint.
 */
export class ForgetTraces {
  constructor(
    private readonly documents: DocumentStore,
    private readonly freshness: ReadModelFreshness | null,
  ) {}

  async erase(position: number): Promise<void> {
    try {
      await this.freshness?.ensure([CUSTOMER_PROFILE_PROJECTION], position);
    } catch {
      // The forget stands either way; what the profile still holds is purged by a later one.
    }
    await this.documents.purgeDeleted?.();
  }
}
