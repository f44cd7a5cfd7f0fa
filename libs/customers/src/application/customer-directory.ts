import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, Upcaster } from '@crm/eventsourcing';
import { DomainErrorException, EVENT_STORE, fold } from '@crm/eventsourcing';
import { UPCASTERS } from '@crm/platform';
import type { CustomerEvent, CustomerState } from '../domain/customer';
import { customerStreamId } from '../domain/customer';
import { customerDecider, requireActiveCustomer } from '../domain/customer.decider';

/**
 * Other contexts ask here whether a customer exists and is live. It folds the customer's own
 * stream, so the answer is never behind a lagging read model.
 */
@Injectable()
export class CustomerDirectory {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(UPCASTERS) private readonly upcaster: Upcaster,
  ) {}

  async stateOf(customerId: string): Promise<CustomerState> {
    const recorded = await this.events.readStream(customerStreamId(customerId));
    return fold(
      customerDecider,
      recorded.map((e) => this.upcaster.upcast(e) as unknown as CustomerEvent),
    );
  }

  /** Throws the domain error (404 missing, 409 forgotten or merged) unless the customer is live. */
  async requireActive(customerId: string): Promise<void> {
    const state = await this.stateOf(customerId);
    const active = requireActiveCustomer(state, customerId);
    if ('kind' in active) throw new DomainErrorException(active);
  }
}
