import type { Decider, DomainError } from '@crm/eventsourcing';
import { domainError } from '@crm/eventsourcing';
import type { ContactDetails, ContactLookup, CustomerEvent, CustomerState } from './customer';
import { evolveCustomer, initialCustomerState } from './customer';
import { sameAddress } from './address';

export const MAX_TAGS = 50;

export type CreateCustomer = {
  type: 'CreateCustomer';
  customerId: string;
  contact: ContactDetails;
  lookup: ContactLookup;
  tags: string[];
};
export type UpdateCustomerContact = {
  type: 'UpdateCustomerContact';
  customerId: string;
  changes: Partial<ContactDetails>;
  /** Hashes of the new email and name, used for whichever of them actually changes. */
  lookup: Partial<ContactLookup>;
};
export type AddCustomerNote = {
  type: 'AddCustomerNote';
  customerId: string;
  noteId: string;
  text: string;
};
export type TagCustomer = { type: 'TagCustomer'; customerId: string; tags: string[] };
export type UntagCustomer = { type: 'UntagCustomer'; customerId: string; tags: string[] };
export type ForgetCustomer = { type: 'ForgetCustomer'; customerId: string };
/** Merge this customer into the survivor (whose liveness the application checks). */
export type MergeCustomer = { type: 'MergeCustomer'; customerId: string; survivorId: string };
export type UnmergeCustomer = { type: 'UnmergeCustomer'; customerId: string };

export type CustomerCommand =
  | CreateCustomer
  | UpdateCustomerContact
  | AddCustomerNote
  | TagCustomer
  | UntagCustomer
  | ForgetCustomer
  | MergeCustomer
  | UnmergeCustomer;

type Decision = readonly CustomerEvent[] | DomainError;
type ActiveCustomer = Extract<CustomerState, { status: 'active' }>;

/** The customer must exist and still be live (not forgotten, not merged away). */
export const requireActiveCustomer = (
  state: CustomerState,
  customerId: string,
): ActiveCustomer | DomainError => {
  switch (state.status) {
    case 'active':
      return state;
    case 'none':
      return domainError(
        'not_found',
        'CUSTOMER_NOT_FOUND',
        `customer ${customerId} does not exist`,
      );
    case 'forgotten':
      return domainError(
        'conflict',
        'CUSTOMER_FORGOTTEN',
        `customer ${customerId} was forgotten and refuses commands`,
      );
    case 'merged':
      return domainError(
        'conflict',
        'CUSTOMER_MERGED',
        `customer ${customerId} was merged into ${state.survivorId}; send commands there`,
      );
  }
};

const create = (command: CreateCustomer, state: CustomerState): Decision => {
  if (state.status !== 'none') {
    return domainError(
      'conflict',
      'CUSTOMER_ALREADY_EXISTS',
      `customer ${command.customerId} already exists (${state.status})`,
    );
  }
  return [
    {
      type: 'CustomerCreated',
      data: {
        customerId: command.customerId,
        ...command.contact,
        ...command.lookup,
        tags: unique(command.tags),
      },
    },
  ];
};

const updateContact = (command: UpdateCustomerContact, state: CustomerState): Decision => {
  const active = requireActiveCustomer(state, command.customerId);
  if ('kind' in active) return active;
  const { address, ...scalars } = command.changes;
  const changed = Object.fromEntries(
    Object.entries(scalars).filter(
      ([field, value]) =>
        value !== undefined && active.contact[field as keyof ContactDetails] !== value,
    ),
  ) as Partial<ContactDetails>;
  if (address !== undefined && !sameAddress(address, active.contact.address))
    changed.address = address;
  if (Object.keys(changed).length === 0) return [];
  const { emailHash, nameHashes } = command.lookup;
  const lookup: Partial<ContactLookup> = {
    ...(changed.email !== undefined && emailHash ? { emailHash } : {}),
    ...(changed.name !== undefined && nameHashes ? { nameHashes } : {}),
    ...(changed.phone !== undefined && command.lookup.phoneHash !== undefined
      ? { phoneHash: command.lookup.phoneHash }
      : {}),
  };
  return [
    {
      type: 'CustomerContactUpdated',
      data: { customerId: command.customerId, ...changed, ...lookup },
    },
  ];
};

const addNote = (command: AddCustomerNote, state: CustomerState): Decision => {
  const active = requireActiveCustomer(state, command.customerId);
  if ('kind' in active) return active;
  return [
    {
      type: 'CustomerNoteAdded',
      data: { customerId: command.customerId, noteId: command.noteId, text: command.text },
    },
  ];
};

const tag = (command: TagCustomer, state: CustomerState): Decision => {
  const active = requireActiveCustomer(state, command.customerId);
  if ('kind' in active) return active;
  const added = unique(command.tags).filter((t) => !active.tags.includes(t));
  if (active.tags.length + added.length > MAX_TAGS) {
    return domainError(
      'invalid',
      'TOO_MANY_TAGS',
      `a customer has at most ${MAX_TAGS} tags; ${command.customerId} would have ${active.tags.length + added.length}`,
    );
  }
  return added.map((t) => ({
    type: 'CustomerTagged',
    data: { customerId: command.customerId, tag: t },
  }));
};

const untag = (command: UntagCustomer, state: CustomerState): Decision => {
  const active = requireActiveCustomer(state, command.customerId);
  if ('kind' in active) return active;
  return unique(command.tags)
    .filter((t) => active.tags.includes(t))
    .map((t) => ({ type: 'CustomerUntagged', data: { customerId: command.customerId, tag: t } }));
};

const forget = (command: ForgetCustomer, state: CustomerState): Decision => {
  if (state.status === 'none') {
    return domainError(
      'not_found',
      'CUSTOMER_NOT_FOUND',
      `customer ${command.customerId} does not exist`,
    );
  }
  if (state.status === 'forgotten') return [];
  return [{ type: 'CustomerForgotten', data: { customerId: command.customerId } }];
};

const merge = (command: MergeCustomer, state: CustomerState): Decision => {
  if (command.survivorId === command.customerId) {
    return domainError('invalid', 'MERGE_INTO_SELF', 'a customer cannot be merged into itself');
  }
  const active = requireActiveCustomer(state, command.customerId);
  if ('kind' in active) return active;
  return [
    {
      type: 'CustomerMerged',
      data: { customerId: command.customerId, survivorId: command.survivorId },
    },
  ];
};

const unmerge = (command: UnmergeCustomer, state: CustomerState): Decision => {
  if (state.status !== 'merged') {
    return state.status === 'none'
      ? domainError(
          'not_found',
          'CUSTOMER_NOT_FOUND',
          `customer ${command.customerId} does not exist`,
        )
      : domainError(
          'conflict',
          'CUSTOMER_NOT_MERGED',
          `customer ${command.customerId} is ${state.status}, not merged`,
        );
  }
  return [
    {
      type: 'CustomerUnmerged',
      data: { customerId: command.customerId, survivorId: state.survivorId },
    },
  ];
};

export const decideCustomer = (command: CustomerCommand, state: CustomerState): Decision => {
  switch (command.type) {
    case 'CreateCustomer':
      return create(command, state);
    case 'UpdateCustomerContact':
      return updateContact(command, state);
    case 'AddCustomerNote':
      return addNote(command, state);
    case 'TagCustomer':
      return tag(command, state);
    case 'UntagCustomer':
      return untag(command, state);
    case 'ForgetCustomer':
      return forget(command, state);
    case 'MergeCustomer':
      return merge(command, state);
    case 'UnmergeCustomer':
      return unmerge(command, state);
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
};

const unique = (values: readonly string[]): string[] => [...new Set(values)];

export const customerDecider: Decider<CustomerCommand, CustomerEvent, CustomerState> = {
  decide: decideCustomer,
  evolve: evolveCustomer,
  initialState: initialCustomerState,
};
