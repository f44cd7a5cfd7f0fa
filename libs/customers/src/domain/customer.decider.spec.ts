import { deciderSpec } from '@crm/eventsourcing/testing';
import type { ContactDetails, ContactLookup, CustomerEvent } from './customer';
import { customerDecider, MAX_TAGS } from './customer.decider';

const spec = deciderSpec(customerDecider);
const customerId = '7d3c5a2e-1f4b-4c6d-8e9f-0a1b2c3d4e5f';

const aContact = (overrides: Partial<ContactDetails> = {}): ContactDetails => ({
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: '+442071234567',
  address: { street: '12 St James Square', city: 'London', postalCode: 'SW1Y 4LB', country: 'GB' },
  ...overrides,
});

const lookup: ContactLookup = { emailHash: 'h-email', nameHashes: ['h-ada', 'h-lovelace'] };

const created = (
  overrides: { tags?: string[]; contact?: Partial<ContactDetails> } = {},
): CustomerEvent => ({
  type: 'CustomerCreated',
  data: { customerId, ...aContact(overrides.contact), ...lookup, tags: overrides.tags ?? [] },
});
const forgotten: CustomerEvent = { type: 'CustomerForgotten', data: { customerId } };
const merged: CustomerEvent = { type: 'CustomerMerged', data: { customerId, survivorId: 'b1' } };

describe('customer decider', () => {
  describe('given no customer', () => {
    it('creates the customer with unique tags', () =>
      spec
        .given([])
        .when({
          type: 'CreateCustomer',
          customerId,
          contact: aContact(),
          lookup,
          tags: ['vip', 'vip', 'b2b'],
        })
        .then([created({ tags: ['vip', 'b2b'] })]));

    it.each([
      [
        'UpdateCustomerContact',
        { type: 'UpdateCustomerContact' as const, customerId, changes: { name: 'X' }, lookup: {} },
      ],
      [
        'AddCustomerNote',
        { type: 'AddCustomerNote' as const, customerId, noteId: 'n1', text: 'hi' },
      ],
      ['TagCustomer', { type: 'TagCustomer' as const, customerId, tags: ['a'] }],
      ['UntagCustomer', { type: 'UntagCustomer' as const, customerId, tags: ['a'] }],
      ['ForgetCustomer', { type: 'ForgetCustomer' as const, customerId }],
    ])('refuses %s for a customer that does not exist', (_name, command) =>
      spec.given([]).when(command).thenFails('CUSTOMER_NOT_FOUND', new RegExp(customerId)),
    );
  });

  describe('given an active customer', () => {
    it('refuses to create it twice', () =>
      spec
        .given([created()])
        .when({ type: 'CreateCustomer', customerId, contact: aContact(), lookup, tags: [] })
        .thenFails('CUSTOMER_ALREADY_EXISTS', /already exists \(active\)/));

    it('records only the contact fields that change', () =>
      spec
        .given([created()])
        .when({
          type: 'UpdateCustomerContact',
          customerId,
          changes: { name: 'Ada Lovelace', email: 'ada@new.org', phone: null },
          lookup: { emailHash: 'h-new-email', nameHashes: ['h-ada', 'h-lovelace'] },
        })
        .then([
          {
            type: 'CustomerContactUpdated',
            data: { customerId, email: 'ada@new.org', phone: null, emailHash: 'h-new-email' },
          },
        ]));

    it('records an address only when one of its parts changes', () => {
      const moved = {
        street: '1 Main Street',
        city: 'Cambridge',
        postalCode: 'CB1 1AA',
        country: 'GB',
      };
      spec
        .given([created()])
        .when({
          type: 'UpdateCustomerContact',
          customerId,
          changes: { address: { ...aContact().address! } },
          lookup: {},
        })
        .then([]);
      spec
        .given([created()])
        .when({
          type: 'UpdateCustomerContact',
          customerId,
          changes: { address: moved },
          lookup: {},
        })
        .then([{ type: 'CustomerContactUpdated', data: { customerId, address: moved } }]);
    });

    it('records nothing when no contact field changes', () =>
      spec
        .given([created()])
        .when({
          type: 'UpdateCustomerContact',
          customerId,
          changes: { email: 'ada@example.com' },
          lookup: {},
        })
        .then([]));

    it('adds a note', () =>
      spec
        .given([created()])
        .when({ type: 'AddCustomerNote', customerId, noteId: 'n1', text: 'prefers email' })
        .then([
          { type: 'CustomerNoteAdded', data: { customerId, noteId: 'n1', text: 'prefers email' } },
        ]));

    it('tags with only the tags it does not have yet', () =>
      spec
        .given([created({ tags: ['vip'] })])
        .when({ type: 'TagCustomer', customerId, tags: ['vip', 'b2b', 'b2b'] })
        .then([{ type: 'CustomerTagged', data: { customerId, tag: 'b2b' } }]));

    it(`refuses more than ${MAX_TAGS} tags`, () =>
      spec
        .given([created({ tags: Array.from({ length: MAX_TAGS }, (_, i) => `t${i}`) })])
        .when({ type: 'TagCustomer', customerId, tags: ['one-more'] })
        .thenFails('TOO_MANY_TAGS'));

    it('untags only the tags it has', () =>
      spec
        .given([
          created({ tags: ['vip'] }),
          { type: 'CustomerTagged', data: { customerId, tag: 'b2b' } },
        ])
        .when({ type: 'UntagCustomer', customerId, tags: ['b2b', 'unknown'] })
        .then([{ type: 'CustomerUntagged', data: { customerId, tag: 'b2b' } }]));

    it('sees contact updates in later decisions', () =>
      spec
        .given([
          created(),
          { type: 'CustomerContactUpdated', data: { customerId, email: 'new@example.com' } },
        ])
        .when({
          type: 'UpdateCustomerContact',
          customerId,
          changes: { email: 'new@example.com' },
          lookup: {},
        })
        .then([]));

    it('forgets the customer', () =>
      spec.given([created()]).when({ type: 'ForgetCustomer', customerId }).then([forgotten]));
  });

  describe('given a forgotten customer', () => {
    it.each([
      { type: 'UpdateCustomerContact' as const, customerId, changes: { name: 'X' }, lookup: {} },
      { type: 'AddCustomerNote' as const, customerId, noteId: 'n1', text: 'hi' },
      { type: 'TagCustomer' as const, customerId, tags: ['a'] },
    ])('refuses $type', (command) =>
      spec
        .given([created(), forgotten])
        .when(command)
        .thenFails('CUSTOMER_FORGOTTEN', /forgotten/),
    );

    it('forgetting again records nothing', () =>
      spec.given([created(), forgotten]).when({ type: 'ForgetCustomer', customerId }).then([]));

    it('refuses to be created again', () =>
      spec
        .given([created(), forgotten])
        .when({ type: 'CreateCustomer', customerId, contact: aContact(), lookup, tags: [] })
        .thenFails('CUSTOMER_ALREADY_EXISTS', /forgotten/));
  });

  describe('given a merged customer', () => {
    it('refuses commands and names the survivor', () =>
      spec
        .given([created(), merged])
        .when({ type: 'AddCustomerNote', customerId, noteId: 'n1', text: 'hi' })
        .thenFails('CUSTOMER_MERGED', /merged into b1/));
  });
});
