import type { DomainEvent } from '@crm/eventsourcing';
import type { Address } from './address';

export const customerStreamId = (customerId: string): string => `customer-${customerId}`;

export type ContactDetails = {
  name: string;
  email: string;
  phone: string | null;
  address: Address | null;
};

/**
 * Blind-index hashes (keyed, computed outside the domain) that let read models find a customer
 * by email or by a word of the name without holding plaintext.
 */
export type ContactLookup = { emailHash: string; nameHashes: string[]; phoneHash?: string | null };

export type CustomerCreated = DomainEvent<
  'CustomerCreated',
  ContactDetails & ContactLookup & { customerId: string; tags: string[] }
>;
export type CustomerContactUpdated = DomainEvent<
  'CustomerContactUpdated',
  Partial<ContactDetails> & Partial<ContactLookup> & { customerId: string }
>;
export type CustomerNoteAdded = DomainEvent<
  'CustomerNoteAdded',
  { customerId: string; noteId: string; text: string }
>;
export type CustomerTagged = DomainEvent<'CustomerTagged', { customerId: string; tag: string }>;
export type CustomerUntagged = DomainEvent<'CustomerUntagged', { customerId: string; tag: string }>;
export type CustomerForgotten = DomainEvent<'CustomerForgotten', { customerId: string }>;
export type CustomerUnmerged = DomainEvent<
  'CustomerUnmerged',
  { customerId: string; survivorId: string }
>;
export type CustomerMerged = DomainEvent<
  'CustomerMerged',
  { customerId: string; survivorId: string }
>;

export type CustomerEvent =
  | CustomerCreated
  | CustomerContactUpdated
  | CustomerNoteAdded
  | CustomerTagged
  | CustomerUntagged
  | CustomerForgotten
  | CustomerMerged
  | CustomerUnmerged;

export const CUSTOMER_EVENT_TYPES: readonly CustomerEvent['type'][] = [
  'CustomerCreated',
  'CustomerContactUpdated',
  'CustomerNoteAdded',
  'CustomerTagged',
  'CustomerUntagged',
  'CustomerForgotten',
  'CustomerMerged',
  'CustomerUnmerged',
];

export type CustomerState =
  | { status: 'none' }
  | { status: 'active'; customerId: string; contact: ContactDetails; tags: readonly string[] }
  | { status: 'forgotten'; customerId: string }
  | { status: 'merged'; customerId: string; survivorId: string; before: ActiveCustomerState };

export type ActiveCustomerState = Extract<CustomerState, { status: 'active' }>;

export const initialCustomerState: CustomerState = { status: 'none' };

export const evolveCustomer = (state: CustomerState, event: CustomerEvent): CustomerState => {
  switch (event.type) {
    case 'CustomerCreated': {
      const { customerId, tags, name, email, phone, address } = event.data;
      return { status: 'active', customerId, contact: { name, email, phone, address }, tags };
    }
    case 'CustomerContactUpdated': {
      if (state.status !== 'active') return state;
      const {
        customerId: _id,
        emailHash: _email,
        nameHashes: _names,
        phoneHash: _phone,
        ...changes
      } = event.data;
      return { ...state, contact: { ...state.contact, ...changes } };
    }
    case 'CustomerNoteAdded':
      return state;
    case 'CustomerTagged':
      return state.status === 'active'
        ? { ...state, tags: [...state.tags, event.data.tag] }
        : state;
    case 'CustomerUntagged':
      return state.status === 'active'
        ? { ...state, tags: state.tags.filter((t) => t !== event.data.tag) }
        : state;
    case 'CustomerForgotten':
      return { status: 'forgotten', customerId: event.data.customerId };
    case 'CustomerMerged':
      return state.status === 'active'
        ? {
            status: 'merged',
            customerId: state.customerId,
            survivorId: event.data.survivorId,
            before: state,
          }
        : state;
    case 'CustomerUnmerged':
      return state.status === 'merged' ? state.before : state;
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
};
