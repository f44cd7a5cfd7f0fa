import { Inject, Injectable } from '@nestjs/common';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import type { EventStore } from '@crm/eventsourcing';
import { DomainErrorException, EVENT_STORE, domainError } from '@crm/eventsourcing';
import { ReadModelFreshness } from '@crm/platform';
import { CUSTOMER_PROFILE_PROJECTION } from '../projections/customer-profile/customer-profile.document';
import { findLiveCustomerByEmail } from '../projections/customer-profile/customer-profile.queries';

/**
 * No two live customers share an email. The rule spans customers, so it is checked against
 * the profile read model, after waiting for it to reach the head of the log. Two requests
 * racing within milliseconds can still both pass; the duplicate report (issue 12) finds those.
 */
@Injectable()
export class EmailUniqueness {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async assertFree(emailHash: string, forCustomerId: string): Promise<void> {
    await this.freshness.ensure([CUSTOMER_PROFILE_PROJECTION], await this.events.headPosition());
    const holder = await findLiveCustomerByEmail(this.documents, emailHash);
    if (holder && holder.customerId !== forCustomerId) {
      throw new DomainErrorException(
        domainError(
          'conflict',
          'CUSTOMER_EMAIL_TAKEN',
          `email is already used by customer ${holder.customerId}`,
        ),
      );
    }
  }
}
